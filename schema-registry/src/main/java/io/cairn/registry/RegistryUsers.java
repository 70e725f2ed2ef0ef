package io.cairn.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.util.security.Credential;

/**
 * The users of the embedded registry and what each may do, from a file in the format of Confluent's
 * registry (Jetty's realm properties): one {@code name: password[,role...]} per line, the password
 * plain or as Jetty writes it hashed ({@code MD5:}, {@code CRYPT:}, {@code OBF:}). A user with the
 * role {@code admin} may register and delete schemas and change compatibility; any other user may
 * read.
 */
public final class RegistryUsers {
  /** What a user may do. */
  public enum Role {
    /** Read subjects, schemas and levels, look schemas up and test compatibility. */
    READ,
    /** Also register and delete schemas and change compatibility. */
    ADMIN
  }

  private record User(Credential password, Role role) {}

  private final Map<String, User> users;
  private final boolean fromFile;

  private RegistryUsers(Map<String, User> users, boolean fromFile) {
    this.users = Map.copyOf(users);
    this.fromFile = fromFile;
  }

  /** No users: the registry is open, but for writes when authentication is on. */
  public static RegistryUsers none() {
    return new RegistryUsers(Map.of(), false);
  }

  /**
   * The users a file names.
   *
   * @throws IllegalArgumentException naming the line that is not a user (never its password)
   * @throws UncheckedIOException when the file cannot be read
   */
  public static RegistryUsers load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the registry's users file " + file, e);
    }
    Map<String, User> users = new HashMap<>();
    for (int number = 1; number <= lines.size(); number++) {
      String line = lines.get(number - 1).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      List<String> parts =
          colon < 1 ? List.of() : Arrays.asList(line.substring(colon + 1).split(","));
      if (parts.isEmpty() || parts.getFirst().isBlank()) {
        throw new IllegalArgumentException(
            file + " line " + number + " is not 'name: password[,role...]'");
      }
      String name = line.substring(0, colon).strip();
      boolean admin = parts.stream().skip(1).map(String::strip).anyMatch("admin"::equals);
      Credential password = Credential.getCredential(parts.getFirst().strip());
      if (users.put(name, new User(password, admin ? Role.ADMIN : Role.READ)) != null) {
        throw new IllegalArgumentException(file + " names the user " + name + " twice");
      }
    }
    return new RegistryUsers(users, true);
  }

  /** These users and one more, such as the app's own. */
  public RegistryUsers with(String name, String password, Role role) {
    if (users.containsKey(name)) {
      throw new IllegalArgumentException("the registry already has a user " + name);
    }
    Map<String, User> more = new HashMap<>(users);
    more.put(name, new User(Credential.getCredential(password), role));
    return new RegistryUsers(more, fromFile);
  }

  /** Whether a file named the users: then every request needs one of them. */
  boolean everyoneSignsIn() {
    return fromFile;
  }

  /** What the user may do, when the password is theirs. */
  Optional<Role> authenticate(String name, String password) {
    User user = users.get(name);
    return user != null && user.password().check(password)
        ? Optional.of(user.role())
        : Optional.empty();
  }
}
