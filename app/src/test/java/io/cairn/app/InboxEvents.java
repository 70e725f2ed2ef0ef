package io.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cairn.app.cli.InboxCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Other services' events, sent to an inbox topic with the command a user would type. */
public final class InboxEvents {
  private InboxEvents() {}

  /** Sends one event, keyed as given, and checks the command says it was sent. */
  public static void send(
      String bootstrap, String source, String type, String data, String eventId, String key) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new InboxCommand(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(
                List.of(
                    source,
                    type,
                    data,
                    "--id=" + eventId,
                    "--key=" + key,
                    "--bootstrap=" + bootstrap));
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Sent " + eventId + " to ");
  }
}
