package io.cairn.avro.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.avro.contract.Contract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/**
 * The schema gate: the build fails when a compiled envelope is not FULL_TRANSITIVE compatible with
 * every released version of its subject, kept under src/main/avro/released/SUBJECT/vN.avsc. A
 * subject with no released version yet (a new aggregate type's) has nothing to stay compatible with
 * until its first version is released.
 */
class ReleasedSchemasTest {
  private static final Path RELEASED = Path.of("src/main/avro/released");

  @Test
  void shouldKeepEveryEnvelopeFullyTransitivelyCompatibleWithItsReleasedVersions()
      throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path subject : subjects()) {
      Map<Integer, Schema> released = releasedVersions(subject);
      Schema current = currentSchemaNamed(released.values().iterator().next().getFullName());
      violations.addAll(
          FullTransitiveCheck.violations(subject.getFileName().toString(), current, released));
    }

    assertThat(violations).as("schema changes that break released versions").isEmpty();
  }

  @Test
  void shouldReleaseOnlySchemasOfTheContract() throws IOException {
    Set<String> current = new TreeSet<>();
    Contract.load().schemas().forEach(schema -> current.add(schema.getFullName()));
    for (Path subject : subjects()) {
      releasedVersions(subject)
          .values()
          .forEach(
              schema ->
                  assertThat(current)
                      .as(subject + " releases a record the contract no longer has")
                      .contains(schema.getFullName()));
    }
  }

  @Test
  void shouldNumberReleasedVersionsFromOneWithoutGaps() throws IOException {
    for (Path subject : subjects()) {
      Set<Integer> versions = releasedVersions(subject).keySet();
      assertThat(versions)
          .as(subject + " versions")
          .containsExactlyElementsOf(
              java.util.stream.IntStream.rangeClosed(1, versions.size()).boxed().toList());
    }
  }

  private static List<Path> subjects() throws IOException {
    try (Stream<Path> dirs = Files.list(RELEASED)) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  static Map<Integer, Schema> releasedVersions(Path subject) throws IOException {
    Map<Integer, Schema> versions = new TreeMap<>();
    try (Stream<Path> files = Files.list(subject)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).toList()) {
        String name = file.getFileName().toString();
        int version = Integer.parseInt(name.substring(1, name.length() - ".avsc".length()));
        versions.put(version, new Schema.Parser().parse(file.toFile()));
      }
    }
    return versions;
  }

  private static Schema currentSchemaNamed(String fullName) {
    try {
      return SpecificData.get().getSchema(Class.forName(fullName));
    } catch (ClassNotFoundException e) {
      throw new AssertionError(
          "the released record " + fullName + " has no current schema: renaming it breaks readers",
          e);
    }
  }
}
