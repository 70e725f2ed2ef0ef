package io.cairn.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.app.Foundation;
import io.cairn.app.config.CairnConfig;
import io.cairn.app.config.ConfigException;
import io.cairn.app.contract.DeclaredContract;
import io.cairn.commerce.Commerce;
import io.cairn.core.aggregate.AggregateType;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code cairn schemas export|import}: the schema registry's subjects, versions, ids and
 * compatibility levels written to a file, and registered again from it with the same ids, so that a
 * registry whose log was lost reads the event log as before.
 */
@Command(
    name = "schemas",
    description = {
      "Export the schema registry's schemas with their ids, or import such an export keeping them."
    },
    synopsisHeading = "%nUsage: ",
    synopsisSubcommandLabel = "export|import")
public final class SchemasCommand implements Runnable {
  /** The exit status of an export or import that failed. */
  public static final int FAILED = 1;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Name export or import.");
  }

  /** The command with its two subcommands. */
  static CommandLine line(Map<String, String> env, PrintStream out, PrintStream err) {
    return new CommandLine(new SchemasCommand())
        .addSubcommand(new Export(out, err))
        .addSubcommand(new Import(env, out, err));
  }

  /** {@code cairn schemas export}: reads a running registry. */
  @Command(
      name = "export",
      description = "Write every subject's versions with their ids, and the levels, as JSON.",
      synopsisHeading = "%nUsage: ",
      sortOptions = false)
  static final class Export implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper json = new ObjectMapper();

    @Mixin HelpOption help;

    @Option(
        names = "--url",
        paramLabel = "URL",
        defaultValue = "http://127.0.0.1:8081",
        description = "The registry (default ${DEFAULT-VALUE}: a running Cairn's own).")
    String url;

    @Option(names = "--user", paramLabel = "NAME:PASSWORD", description = "A user of it.")
    String user;

    @Option(
        names = "--file",
        paramLabel = "FILE",
        description = "Where to write it (default: standard output).")
    Path file;

    Export(PrintStream out, PrintStream err) {
      this.out = out;
      this.err = err;
    }

    @Override
    public Integer call() {
      RegistryHttp registry =
          new RegistryHttp(URI.create(url), Optional.ofNullable(user), Optional.empty());
      try {
        ObjectNode export = new RegistryExport(registry, json).read();
        String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(export);
        if (file == null) {
          out.println(text);
        } else {
          Files.writeString(file, text + "\n");
          err.println(
              "Exported %d versions of the registry at %s to %s."
                  .formatted(export.get("schemas").size(), url, file));
        }
        return 0;
      } catch (IOException e) {
        err.println("The export failed: " + e.getMessage());
        return FAILED;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return FAILED;
      }
    }
  }

  /** {@code cairn schemas import}: into the configured registry, or the one named. */
  @Command(
      name = "import",
      description = {
        "Register an export's schemas with their ids and versions, and set its levels. Without"
            + " --url, into the registry Cairn's settings name, with Cairn stopped: its embedded"
            + " registry is started alone, nothing else registered first."
      },
      synopsisHeading = "%nUsage: ",
      customSynopsis =
          "cairn schemas import [-h] --file=FILE [--url=URL] [--user=NAME:PASSWORD] [--key=value"
              + " ...]",
      sortOptions = false)
  static final class Import implements Callable<Integer> {
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper json = new ObjectMapper();

    @Mixin HelpOption help;

    @Option(names = "--file", paramLabel = "FILE", required = true, description = "The export.")
    Path file;

    @Option(names = "--url", paramLabel = "URL", description = "A running registry to import to.")
    String url;

    @Option(names = "--user", paramLabel = "NAME:PASSWORD", description = "A user that may write.")
    String user;

    @Unmatched List<String> settings = new ArrayList<>();

    Import(Map<String, String> env, PrintStream out, PrintStream err) {
      this.env = env;
      this.out = out;
      this.err = err;
    }

    @Override
    public Integer call() {
      JsonNode export;
      try {
        export = json.readTree(Files.readString(file));
      } catch (IOException e) {
        err.println("Cannot read the export " + file + ": " + e.getMessage());
        return CommandLine.ExitCode.USAGE;
      }
      try {
        int imported =
            url != null
                ? importInto(
                    new RegistryHttp(URI.create(url), Optional.ofNullable(user), Optional.empty()),
                    export)
                : importIntoConfigured(export);
        out.println(
            "Imported %d versions with their ids; new schemas get ids after the highest."
                .formatted(imported));
        return 0;
      } catch (ConfigException e) {
        err.println("Cairn cannot import the schemas: " + e.getMessage());
        return CommandLine.ExitCode.USAGE;
      } catch (IOException | UncheckedIOException | IllegalStateException e) {
        err.println("The import failed: " + e.getMessage());
        return FAILED;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return FAILED;
      }
    }

    private int importIntoConfigured(JsonNode export) {
      CairnConfig config = CairnConfig.load(settings, env);
      List<AggregateType<?, ?, ?>> types =
          Commerce.aggregateTypes(config.reactions().subscriptionMinInterval());
      return Foundation.withRegistry(
          config,
          types,
          DeclaredContract.of(config),
          access -> {
            try {
              return importInto(
                  new RegistryHttp(
                      access.url(), Optional.ofNullable(user).or(access::userInfo), access.trust()),
                  export);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted", e);
            }
          });
    }

    private static int importInto(RegistryHttp registry, JsonNode export)
        throws IOException, InterruptedException {
      List<JsonNode> versions = new ArrayList<>();
      export.path("schemas").forEach(versions::add);
      // Each subject's versions in their order; ids come with them, whatever their order.
      versions.sort(
          Comparator.comparing((JsonNode v) -> v.get("subject").asText())
              .thenComparingInt(v -> v.get("version").asInt()));
      for (JsonNode version : versions) {
        int id = version.get("id").asInt();
        JsonNode answer =
            registry.write(
                "POST",
                "subjects/" + RegistryHttp.segment(version.get("subject").asText()) + "/versions",
                Map.of(
                    "schema", version.get("schema").asText(),
                    "id", id,
                    "version", version.get("version").asInt()));
        if (answer.path("id").asInt() != id) {
          throw new IllegalStateException(
              "the registry gave %s version %s id %s, not %d"
                  .formatted(version.get("subject"), version.get("version"), answer.get("id"), id));
        }
      }
      if (export.hasNonNull("compatibility")) {
        registry.write(
            "PUT", "config", Map.of("compatibility", export.get("compatibility").asText()));
      }
      var levels = export.path("subjectCompatibility").fields();
      while (levels.hasNext()) {
        var level = levels.next();
        registry.write(
            "PUT",
            "config/" + RegistryHttp.segment(level.getKey()),
            Map.of("compatibility", level.getValue().asText()));
      }
      return versions.size();
    }
  }

  /** Reads a registry's whole state through its API. */
  private record RegistryExport(RegistryHttp registry, ObjectMapper json) {
    ObjectNode read() throws IOException, InterruptedException {
      ObjectNode export = json.createObjectNode();
      ArrayNode schemas = export.putArray("schemas");
      ObjectNode levels = json.createObjectNode();
      registry
          .get("config")
          .ifPresent(
              config -> export.put("compatibility", config.path("compatibilityLevel").asText()));
      for (JsonNode subject : registry.get("subjects").orElseThrow()) {
        String path = "subjects/" + RegistryHttp.segment(subject.asText());
        for (JsonNode version : registry.get(path + "/versions").orElseThrow()) {
          JsonNode described = registry.get(path + "/versions/" + version.asInt()).orElseThrow();
          ObjectNode entry = schemas.addObject();
          entry.put("subject", subject.asText());
          entry.put("version", described.get("version").asInt());
          entry.put("id", described.get("id").asInt());
          entry.put("schema", described.get("schema").asText());
        }
        Optional<JsonNode> level = registry.get("config/" + RegistryHttp.segment(subject.asText()));
        level.ifPresent(l -> levels.put(subject.asText(), l.path("compatibilityLevel").asText()));
      }
      export.set("subjectCompatibility", levels);
      return export;
    }
  }
}
