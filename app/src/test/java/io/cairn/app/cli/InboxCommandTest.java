package io.cairn.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class InboxCommandTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final InboxCommand command =
      new InboxCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void makesAStructuredCloudEventOfTheInboxsSource() {
    InboxCommand.Sending sending =
        parsed("rewards", "rewards.PointsAwarded", "{\"points\":3}", "--id=e-1", "--key=c-1")
            .sending();

    assertThat(sending.topic()).isEqualTo("cairn.inbox.rewards");
    assertThat(sending.key()).isEqualTo("c-1");
    assertThat(sending.event())
        .isEqualTo(
            "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/rewards\","
                + "\"type\":\"rewards.PointsAwarded\",\"datacontenttype\":\"application/json\","
                + "\"data\":{\"points\":3}}");
  }

  @Test
  void refusesWhatIsNotAnEventWithAUsageLine() {
    assertThatThrownBy(() -> parsed("rewards", "t", "{not json").sending())
        .hasMessageStartingWith("The data is not JSON");
    assertThat(command.run(List.of("Rewards!", "t", "{}"))).isEqualTo(Cli.USAGE);
    assertThat(command.run(List.of("rewards", "t"))).isEqualTo(Cli.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("'Rewards!' is not an inbox's name.")
        .contains("Missing required parameter: 'DATA'")
        .contains("Usage: cairn inbox");
  }

  private InboxCommand parsed(String... args) {
    return CommandLine.populateCommand(command, args);
  }
}
