package io.cairn.app.cli;

import io.cairn.app.config.CairnConfig;
import io.cairn.app.config.ConfigException;
import io.cairn.commerce.Commerce;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.kafka.access.KafkaRoles;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code cairn acls --role=ROLE --principal=P [--group-prefix=G] [--apply] [--key=value ...]}: the
 * least-privilege ACLs of a kind of Kafka client, for a cluster Cairn does not run itself: printed
 * as {@code kafka-acls.sh} lines, or granted at once with the configured Kafka settings.
 */
@Command(
    name = "acls",
    description = {
      "Print (or, with --apply, grant) the Kafka ACLs of a role: app, data-team, gateway or"
          + " inbox-writer, for a principal such as User:analytics."
    },
    synopsisHeading = "%nUsage: ",
    customSynopsis =
        "cairn acls [-h] --role=ROLE --principal=P [--group-prefix=G] [--apply] [--key=value ...]",
    sortOptions = false)
public final class AclsCommand implements Callable<Integer> {
  private static final long APPLY_TIMEOUT_SECONDS = 30;

  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;

  @Mixin private HelpOption help;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      required = true,
      description = "app, data-team, gateway or inbox-writer.")
  private String role;

  @Option(
      names = "--principal",
      paramLabel = "P",
      required = true,
      description = "Whom the ACLs are for, as Kafka names principals: User:analytics.")
  private String principal;

  @Option(
      names = "--group-prefix",
      paramLabel = "G",
      description =
          "The consumer groups the principal may use start with this (default: its name).")
  private String groupPrefix;

  @Option(
      names = "--apply",
      description =
          "Grant them on the cluster of kafka.bootstrap.servers, with its kafka.* settings.")
  private boolean apply;

  @Unmatched private List<String> settings = new ArrayList<>();

  /**
   * @param env the environment, whose CAIRN_ variables are settings as for run
   */
  public AclsCommand(Map<String, String> env, PrintStream out, PrintStream err) {
    this.env = env;
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    CairnConfig config;
    KafkaRoles.Role chosen;
    try {
      config = CairnConfig.load(settings, env);
      chosen = KafkaRoles.Role.valueOf(role.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (ConfigException | IllegalArgumentException e) {
      err.println("Cairn cannot list the ACLs: " + e.getMessage());
      return Cli.USAGE;
    }
    List<AclBinding> bindings =
        KafkaRoles.bindings(
            chosen,
            principal,
            Commerce.aggregateTypes().stream().map(AggregateType::name).toList(),
            config.registry().topic(),
            groupPrefix != null ? groupPrefix : principal.substring(principal.indexOf(':') + 1));
    if (!apply) {
      bindings.forEach(binding -> out.println(kafkaAcls(binding)));
      return 0;
    }
    if (!config.kafka().useEmbeddedBroker()) {
      return grant(config, bindings);
    }
    err.println("--apply grants on kafka.bootstrap.servers; the embedded broker grants its own.");
    return Cli.USAGE;
  }

  private int grant(CairnConfig config, List<AclBinding> bindings) {
    try (Admin admin = Admin.create(config.kafka().connection(null).clientConfig())) {
      admin.createAcls(bindings).all().get(APPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      out.println("Granted " + bindings.size() + " ACLs to " + principal + ".");
      return 0;
    } catch (ExecutionException | TimeoutException e) {
      err.println("The cluster did not grant the ACLs: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  /** The binding as the line of Kafka's own tool that adds it. */
  private static String kafkaAcls(AclBinding binding) {
    ResourceType type = binding.pattern().resourceType();
    String resource =
        switch (type) {
          case CLUSTER -> "--cluster";
          case TRANSACTIONAL_ID -> "--transactional-id " + binding.pattern().name();
          default -> "--" + type.name().toLowerCase(Locale.ROOT) + " " + binding.pattern().name();
        };
    String pattern =
        binding.pattern().patternType() == PatternType.PREFIXED
            ? " --resource-pattern-type prefixed"
            : "";
    return "kafka-acls.sh --bootstrap-server $BOOTSTRAP --command-config admin.properties --add"
        + " --allow-principal "
        + binding.entry().principal()
        + " --operation "
        + kafkaOperation(binding)
        + " "
        + resource
        + pattern;
  }

  private static String kafkaOperation(AclBinding binding) {
    String name = binding.entry().operation().name();
    StringBuilder camel = new StringBuilder();
    for (String part : name.split("_")) {
      camel.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return camel.toString();
  }
}
