package io.cairn.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line's help and usage mistakes, the same for every command. */
class CliTest {
  private static final List<String> COMMANDS =
      List.of(
          "run",
          "rebuild-views",
          "inbox",
          "contract",
          "token",
          "acls",
          "test",
          "build",
          "cluster",
          "bench",
          "help");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<List<String>> appRuns = new ArrayList<>();

  @Test
  void shouldListEveryCommandInHelp() {
    assertThat(execute("help")).isZero();

    assertThat(out()).contains("Usage: cairn [-h] COMMAND");
    COMMANDS.forEach(command -> assertThat(out()).containsPattern("(?m)^  " + command + " "));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"run", "rebuild-views", "inbox", "contract", "test", "build", "cluster", "bench"})
  void shouldShowEachCommandsOptionsAlikeWithHelpOrDashDashHelp(String command) {
    assertThat(execute(command, "--help")).isZero();
    String dashDashHelp = out();
    out.reset();
    assertThat(execute("help", command)).isZero();

    assertThat(out()).isEqualTo(dashDashHelp).contains("Usage: cairn " + command, "-h, --help");
    assertThat(appRuns).isEmpty();
  }

  @Test
  void shouldPrintARolesAclsAsKafkasOwnToolAddsThem() {
    assertThat(execute("acls", "--role=data-team", "--principal=User:analytics")).isZero();

    assertThat(out())
        .contains(
            "--allow-principal User:analytics --operation Read --topic cairn.carts.events",
            "--operation Read --topic cairn.integration. --resource-pattern-type prefixed",
            "--operation Read --group analytics --resource-pattern-type prefixed")
        .doesNotContain("--operation Write", "cairn.carts.commands");
    out.reset();
    assertThat(execute("acls", "--role=janitor", "--principal=User:x")).isEqualTo(2);
    assertThat(err()).contains("JANITOR");
  }

  @Test
  void shouldListEveryConfigurationKeyInRunsHelp() {
    assertThat(execute("run", "--help")).isZero();

    assertThat(out())
        .contains(
            "http.port (default 8080)", "kafka.bootstrap.servers", "log.format (default text)");
  }

  @Test
  void shouldGiveRunItsSettingsAsTyped() {
    assertThat(execute("run", "--http.port=9000", "--config", "cairn.properties")).isZero();

    assertThat(appRuns)
        .containsExactly(List.of("--http.port=9000", "--config", "cairn.properties"));
  }

  @Test
  void shouldAnswerAnUnknownCommandWithUsageAndStatusTwo() {
    assertThat(execute("launch")).isEqualTo(Cli.USAGE);

    assertThat(err()).contains("Unmatched argument at index 0: 'launch'", "Usage: cairn");
  }

  @Test
  void shouldAnswerAnUnknownOptionWithTheCommandsUsageAndStatusTwo() {
    assertThat(execute("rebuild-views", "--ulr=http://x")).isEqualTo(Cli.USAGE);

    assertThat(err()).contains("Unknown option: '--ulr=http://x'", "Usage: cairn rebuild-views");
  }

  @Test
  void shouldSendTheScriptsCommandsToBinCairn() {
    assertThat(execute("test")).isEqualTo(Cli.USAGE);

    assertThat(err()).contains("'test' runs through bin/cairn: bin/cairn test");
  }

  private int execute(String... args) {
    return Cli.commandLine(
            settings -> {
              appRuns.add(settings);
              return 0;
            },
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false)
        .execute(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
