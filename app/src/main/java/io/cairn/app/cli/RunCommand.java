package io.cairn.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/**
 * {@code cairn run [--key=value ...]}: starts Cairn in one process and runs until SIGTERM or
 * Ctrl-C. Its settings are the configuration's keys, which the configuration itself checks, so that
 * a mistyped one is named with a suggestion.
 */
@Command(
    name = "run",
    description = {
      "Start Cairn: the embedded Kafka broker (unless kafka.bootstrap.servers is set), the embedded"
          + " schema registry (unless registry.url is set) and every role, in one process. Stops"
          + " cleanly on Ctrl-C or SIGTERM."
    },
    synopsisHeading = "%nUsage: ",
    customSynopsis = "cairn run [--config=FILE] [--key=value ...]",
    sortOptions = false)
public final class RunCommand implements Callable<Integer> {
  private final ToIntFunction<List<String>> app;

  @Mixin private HelpOption help;

  @Unmatched private List<String> settings = new ArrayList<>();

  /**
   * @param app runs the app with the settings given on the command line; answers its exit status
   */
  public RunCommand(ToIntFunction<List<String>> app) {
    this.app = app;
  }

  @Override
  public Integer call() {
    return app.applyAsInt(List.copyOf(settings));
  }
}
