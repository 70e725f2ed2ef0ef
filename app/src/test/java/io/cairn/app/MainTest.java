package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Main main =
      new Main(
          new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void shouldStopStartupNamingTheMistypedKeyBeforeStartingAnything() {
    int status = main.run(new String[] {"run", "--http.prot=9000"}, Map.of());

    assertThat(status).isEqualTo(Main.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Cairn cannot start: invalid configuration")
        .contains("unknown key http.prot (from flag --http.prot); did you mean http.port?");
  }

  @Test
  void shouldNameTheEnvironmentVariableHoldingAMalformedValue() {
    int status = main.run(new String[] {"run"}, Map.of("CAIRN_TOPICS_PARTITIONS", "many"));

    assertThat(status).isEqualTo(Main.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "malformed value 'many' for topics.partitions"
                + " (from environment variable CAIRN_TOPICS_PARTITIONS): not a whole number");
  }

  @Test
  void shouldListEveryCommandInHelpAndEveryKeyInRunsHelp() {
    assertThat(main.run(new String[] {}, Map.of())).isZero();
    assertThat(main.run(new String[] {"run", "--help"}, Map.of())).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "run ", "rebuild-views ", "inbox ", "http.port (default 8080)", "broker.data.dir");
  }

  @Test
  void shouldRejectUnknownCommand() {
    assertThat(main.run(new String[] {"launch"}, Map.of())).isEqualTo(Main.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unmatched argument", "'launch'");
  }
}
