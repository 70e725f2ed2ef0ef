package io.cairn.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cairn rebuild-views [--url=URL]}: asks a running Cairn to rebuild its views from the whole
 * event log, and shows the replay's progress until it ends, then its figures. On a terminal the
 * progress line is rewritten in place; otherwise a line is printed every few seconds.
 */
@Command(
    name = "rebuild-views",
    description = {
      "Ask a running Cairn to rebuild its views from the whole event log, and show the replay's"
          + " progress and figures. Commands go on meanwhile; queries answer 503 views_rebuilding"
          + " until the views have caught up."
    },
    synopsisHeading = "%nUsage: ",
    sortOptions = false)
public final class RebuildViewsCommand implements Callable<Integer> {
  /** The exit status of a rebuild that failed or could not begin. */
  public static final int FAILED = 1;

  private static final Duration LOOK_EVERY = Duration.ofMillis(500);
  private static final Duration LINE_EVERY = Duration.ofSeconds(5);

  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Mixin private HelpOption help;

  @Option(
      names = "--url",
      paramLabel = "URL",
      defaultValue = "http://127.0.0.1:8080",
      description = "The running Cairn (default ${DEFAULT-VALUE}).")
  private String given;

  /**
   * @param terminal whether {@code out} is a terminal, where a line can be rewritten
   */
  public RebuildViewsCommand(PrintStream out, PrintStream err, boolean terminal) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  /** Runs the command with its flags, as {@code cairn rebuild-views} would; the exit status. */
  public int run(List<String> flags) {
    return Cli.executeAlone(this, flags, out, err);
  }

  @Override
  public Integer call() {
    String url = given.replaceFirst("/+$", "");
    URI rebuild = URI.create(url + "/api/v1/views/rebuild");
    try {
      JsonNode begun =
          call(HttpRequest.newBuilder(rebuild).POST(HttpRequest.BodyPublishers.noBody()), 202);
      if (begun == null) {
        return FAILED;
      }
      out.println("Rebuilding the views of " + url + " from the whole event log ...");
      return follow(rebuild);
    } catch (IOException e) {
      err.println(
          "No Cairn answers at "
              + url
              + " ("
              + e.getMessage()
              + "); start it with bin/cairn run, or name it with --url=.");
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILED;
    }
  }

  private int follow(URI rebuild) throws IOException, InterruptedException {
    ProgressLine line = new ProgressLine(out, terminal, LINE_EVERY);
    while (true) {
      Thread.sleep(LOOK_EVERY);
      JsonNode status = call(HttpRequest.newBuilder(rebuild).GET(), 200);
      if (status == null) {
        return FAILED;
      }
      switch (status.path("state").asText()) {
        case "done" -> {
          line.finish();
          out.println(figures(status));
          return 0;
        }
        case "failed" -> {
          line.finish();
          err.println("The rebuild failed: " + status.path("error").asText());
          return FAILED;
        }
        default -> line.show(progress(status));
      }
    }
  }

  /** Sends a request; answers its JSON body when the status is the expected one, else says why. */
  private JsonNode call(HttpRequest.Builder request, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = json.readTree(response.body().isEmpty() ? "{}" : response.body());
    if (response.statusCode() == expected) {
      return body;
    }
    err.println(
        "Cairn refused: %d %s: %s%s"
            .formatted(
                response.statusCode(),
                body.path("error").asText(),
                body.path("message").asText(),
                body.path("details").isEmpty() ? "" : " " + body.path("details")));
    return null;
  }

  static String progress(JsonNode status) {
    if (status.path("state").asText().equals("resetting")) {
      return "Resetting the views ...";
    }
    long total = status.path("recordsTotal").asLong();
    long done = status.path("recordsDone").asLong();
    JsonNode left = status.path("secondsLeft");
    return String.format(
        Locale.ROOT,
        "Replaying: %,d events folded, %,d of %,d records (%d%%), %,d events/s, %s",
        status.path("events").asLong(),
        done,
        total,
        total == 0 ? 100 : done * 100 / total,
        status.path("eventsPerSecond").asLong(),
        left.isNumber() ? "about " + left.asLong() + " s left" : "time left not known yet");
  }

  static String figures(JsonNode status) {
    return String.format(
        Locale.ROOT,
        "Rebuilt the views from %,d events (%,d log records) in %.1f s: %,d events/s; the reset"
            + " took %.1f s.",
        status.path("events").asLong(),
        status.path("recordsTotal").asLong(),
        status.path("replaySeconds").asDouble(),
        status.path("eventsPerSecond").asLong(),
        status.path("resetSeconds").asDouble());
  }
}
