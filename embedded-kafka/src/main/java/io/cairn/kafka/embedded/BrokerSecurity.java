package io.cairn.kafka.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The embedded broker's secure mode ({@code broker.security=sasl_ssl}): clients authenticate with
 * SCRAM-SHA-512 over TLS, and Kafka's StandardAuthorizer lets each do only what its ACLs allow. Its
 * certificates and its users' passwords are made at the first secure start and kept, readable by
 * this user only, under {@code <data>/security}, where clients and later starts find them.
 *
 * <p>The users: {@link #ADMIN}, a super user that provisions users and ACLs and nothing else, and
 * one per role ({@link #ROLES}), whose rights are the ACLs given to them.
 */
public final class BrokerSecurity {
  /** The super user: creates the topics' ACLs, and is the broker's own identity between brokers. */
  public static final String ADMIN = "admin";

  /**
   * The users made for the roles, each with its own password: the app itself, a data team reading
   * the public topics, a gateway that only sends commands, a service writing to an inbox, and one
   * with no rights at all (to show a refusal).
   */
  public static final List<String> ROLES =
      List.of("cairn", "data-team", "gateway", "inbox-writer", "nobody");

  /** The one SASL mechanism the broker enables. */
  public static final String MECHANISM = "SCRAM-SHA-512";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;
  private final Properties secrets;

  private BrokerSecurity(Path dir, Properties secrets) {
    this.dir = dir;
    this.secrets = secrets;
  }

  /**
   * The secure mode's material under the broker's home, made if this is its first secure start.
   *
   * @param formatted whether the broker's storage is already formatted: users are written into its
   *     metadata when it is formatted, so a broker formatted without them cannot turn secure
   */
  static BrokerSecurity under(Path home, boolean formatted) {
    Path dir = home.resolve("security");
    Path secretsFile = dir.resolve("secrets.properties");
    if (Files.exists(secretsFile)) {
      return new BrokerSecurity(dir, read(secretsFile));
    }
    if (formatted) {
      throw new BrokerStartException(
          "the broker in "
              + home
              + " was first started without broker.security=sasl_ssl, so it has no users; start"
              + " the secure broker on a new broker.data.dir");
    }
    Properties secrets = new Properties();
    secrets.setProperty("store.password", newSecret());
    secrets.setProperty("user." + ADMIN + ".password", newSecret());
    ROLES.forEach(role -> secrets.setProperty("user." + role + ".password", newSecret()));
    try {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      BrokerSecurity security = new BrokerSecurity(dir, secrets);
      BrokerCertificates.write(
          security.keystore(), security.truststore(), security.storePassword().toCharArray());
      write(secretsFile, secrets);
      return security;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the broker's secrets in " + dir, e);
    }
  }

  /** The truststore clients verify the broker with: the broker's own CA's certificate. */
  public Path truststore() {
    return dir.resolve("truststore.p12");
  }

  /** The password of both stores. */
  public String storePassword() {
    return secrets.getProperty("store.password");
  }

  /** A user's password. */
  public String password(String user) {
    String password = secrets.getProperty("user." + user + ".password");
    if (password == null) {
      throw new IllegalArgumentException("the embedded broker has no user " + user);
    }
    return password;
  }

  /** What a client needs to connect as the user: the Kafka client settings. */
  public Map<String, String> clientSettings(String user) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("security.protocol", "SASL_SSL");
    settings.put("sasl.mechanism", MECHANISM);
    settings.put("sasl.jaas.config", jaas(user));
    settings.put("ssl.truststore.location", truststore().toString());
    settings.put("ssl.truststore.password", storePassword());
    settings.put("ssl.truststore.type", "PKCS12");
    return settings;
  }

  /** The broker's settings of the secure listener, the controller's and the authorizer. */
  Map<String, String> serverProperties() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("listener.security.protocol.map", "CONTROLLER:SSL,SASL_SSL:SASL_SSL");
    props.put("inter.broker.listener.name", "SASL_SSL");
    props.put("sasl.enabled.mechanisms", MECHANISM);
    props.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
    props.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", jaas(ADMIN));
    props.put("ssl.keystore.location", keystore().toString());
    props.put("ssl.keystore.password", storePassword());
    props.put("ssl.keystore.type", "PKCS12");
    props.put("ssl.key.password", storePassword());
    props.put("ssl.truststore.location", truststore().toString());
    props.put("ssl.truststore.password", storePassword());
    props.put("ssl.truststore.type", "PKCS12");
    // The controller takes only the broker itself, by its certificate.
    props.put("listener.name.controller.ssl.client.auth", "required");
    props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    props.put("allow.everyone.if.no.acl.found", "false");
    props.put("super.users", "User:" + ADMIN + ";User:" + BrokerCertificates.BROKER_DN);
    return props;
  }

  /** The storage tool's arguments that write every user into the new cluster's metadata. */
  List<String> formatArguments() {
    List<String> arguments = new ArrayList<>();
    List<String> users = new ArrayList<>(List.of(ADMIN));
    users.addAll(ROLES);
    for (String user : users) {
      arguments.add("--add-scram");
      arguments.add(MECHANISM + "=[name=" + user + ",password=" + password(user) + "]");
    }
    return arguments;
  }

  private Path keystore() {
    return dir.resolve("broker.p12");
  }

  private String jaas(String user) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password(user)
        + "\";";
  }

  private static String newSecret() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static Properties read(Path file) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the broker's secrets in " + file, e);
    }
  }

  private static void write(Path file, Properties secrets) throws IOException {
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      secrets.store(out, "The embedded broker's passwords; keep this file private.");
    }
  }
}
