package io.cairn.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.cairn.app.config.CairnConfig;
import io.cairn.app.config.ConfigException;
import io.cairn.app.contract.ApiDocument;
import io.cairn.app.contract.DeclaredContract;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code cairn contract [--dir=DIR] [--key=value ...]}: writes the contract documents, made from
 * the declarations and the configuration as {@code cairn run} with the same settings would serve
 * them, without starting anything.
 */
@Command(
    name = "contract",
    description = {
      "Write Cairn's contract, as cairn run with the same settings serves it, without starting"
          + " anything: asyncapi.json (AsyncAPI 3.0: every topic with its key, Avro schema,"
          + " headers, partitions and retention) and openapi.json (OpenAPI 3.1: every HTTP"
          + " route with its parameters, bodies, answers and error codes)."
    },
    synopsisHeading = "%nUsage: ",
    customSynopsis = "cairn contract [-h] [--dir=DIR] [--key=value ...]",
    sortOptions = false)
public final class ContractCommand implements Callable<Integer> {
  /** The exit status of a document that could not be written. */
  public static final int FAILED = 1;

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;

  @Mixin private HelpOption help;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "Where to write the documents (default the current directory).")
  private Path dir;

  @Unmatched private List<String> settings = new ArrayList<>();

  /**
   * @param env the environment, whose CAIRN_ variables are settings as for run
   */
  public ContractCommand(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    CairnConfig config;
    try {
      config = CairnConfig.load(settings, env);
    } catch (ConfigException e) {
      err.println("Cairn cannot write its contract: " + e.getMessage());
      return Cli.USAGE;
    }
    String bootstrap =
        config.kafka().bootstrapServers().orElseGet(() -> config.broker().bootstrapServers());
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    documents.put("asyncapi.json", DeclaredContract.of(config).asyncApi(json, bootstrap));
    documents.put("openapi.json", ApiDocument.of(config));
    for (Map.Entry<String, JsonNode> document : documents.entrySet()) {
      Path file = dir.resolve(document.getKey());
      try {
        Files.createDirectories(dir);
        json.writeValue(file.toFile(), document.getValue());
      } catch (IOException e) {
        err.println("Cannot write " + file + ": " + e.getMessage());
        return FAILED;
      }
      out.println("Wrote " + file.toAbsolutePath().normalize());
    }
    return 0;
  }
}
