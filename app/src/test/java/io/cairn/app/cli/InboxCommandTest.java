package io.cairn.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboxCommandTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final InboxCommand command =
      new InboxCommand(System.out, new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void makesAStructuredCloudEventOfTheInboxsSource() {
    InboxCommand.Sending sending =
        command.parse(
            List.of("rewards", "rewards.PointsAwarded", "{\"points\":3}", "--id=e-1", "--key=c-1"));

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
    assertThatThrownBy(() -> command.parse(List.of("rewards", "t", "{not json")))
        .hasMessageStartingWith("The data is not JSON");
    assertThat(command.run(List.of("rewards", "t"))).isEqualTo(InboxCommand.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("It takes a source, a type and the data.")
        .contains("Usage: cairn inbox");
  }
}
