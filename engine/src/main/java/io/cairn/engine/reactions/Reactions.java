package io.cairn.engine.reactions;

import com.fasterxml.jackson.databind.JsonNode;
import io.cairn.core.aggregate.Aggregate;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.core.reaction.Effect;
import io.cairn.core.reaction.Inbox;
import io.cairn.core.reaction.Policy;
import io.cairn.core.reaction.ProcessManager;
import io.cairn.core.reaction.Publication;
import io.cairn.core.reaction.Send;
import io.cairn.engine.mapping.BoundAggregate;
import io.cairn.kafka.topics.CairnTopics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policies, process managers, inboxes, publications and effects the app runs, bound to its
 * aggregate types: what an appended event causes, the process managers' runners, and the inboxes.
 * Binding checks that every source they hear is an aggregate type the app runs and that their names
 * are distinct.
 */
public final class Reactions {
  private static final Logger log = LoggerFactory.getLogger(Reactions.class);

  private final List<Policy> policies;
  private final List<ProcessRunner<?, ?>> processes;
  private final List<Inbox> inboxes;
  private final List<Publication> publications;
  private final List<Effect<?, ?>> effects;
  private final CommandWriter writer;
  private final IntegrationWriter integration;
  private final EffectRequests requests;

  private Reactions(
      Declared declared,
      List<ProcessRunner<?, ?>> processes,
      CairnTopics topics,
      CommandWriter writer,
      UnaryOperator<JsonNode> published) {
    this.policies = declared.policies();
    this.processes = List.copyOf(processes);
    this.inboxes = declared.inboxes();
    this.publications = declared.publications();
    this.effects = declared.effects();
    this.writer = writer;
    this.integration = new IntegrationWriter(topics, published);
    this.requests = new EffectRequests(topics);
  }

  /**
   * The reactions as the domain declares them.
   *
   * @param policies its policies
   * @param managers its process managers
   * @param inboxes the inboxes of other services' events
   * @param publications its integration events
   * @param effects its calls outside Kafka
   */
  public record Declared(
      List<Policy> policies,
      List<ProcessManager<?, ?>> managers,
      List<Inbox> inboxes,
      List<Publication> publications,
      List<Effect<?, ?>> effects) {
    /** Copies the lists. */
    public Declared {
      policies = List.copyOf(policies);
      managers = List.copyOf(managers);
      inboxes = List.copyOf(inboxes);
      publications = List.copyOf(publications);
      effects = List.copyOf(effects);
    }

    /** No reactions at all. */
    public static Declared none() {
      return new Declared(List.of(), List.of(), List.of(), List.of(), List.of());
    }
  }

  /**
   * Binds the declarations.
   *
   * @param published what an integration event's data passes through before it is written: the
   *     opening of sealed personal values, which the services it is for act on
   * @throws IllegalArgumentException naming a source the app does not run, or a name used twice
   */
  public static Reactions bind(
      Declared declared,
      List<BoundAggregate<?, ?, ?>> aggregates,
      CairnTopics topics,
      UnaryOperator<JsonNode> published) {
    Set<String> running = new HashSet<>(aggregates.stream().map(BoundAggregate::name).toList());
    Set<String> names = new HashSet<>();
    for (Policy policy : declared.policies()) {
      check("policy " + policy.name(), policy.sources(), running, names);
    }
    for (ProcessManager<?, ?> manager : declared.managers()) {
      check("process manager " + manager.name(), manager.sources(), running, names);
    }
    for (Inbox inbox : declared.inboxes()) {
      check("inbox " + inbox.name(), List.of(), running, names);
    }
    for (Publication publication : declared.publications()) {
      check("publication " + publication.name(), publication.sources(), running, names);
    }
    for (Effect<?, ?> effect : declared.effects()) {
      check("effect " + effect.name(), effect.sources(), running, names);
    }
    CommandWriter writer = new CommandWriter(aggregates, topics);
    List<ProcessRunner<?, ?>> runners = new ArrayList<>();
    declared.managers().forEach(manager -> runners.add(new ProcessRunner<>(manager, writer)));
    return new Reactions(declared, runners, topics, writer, published);
  }

  /** The inboxes of other services' events. */
  public List<Inbox> inboxes() {
    return inboxes;
  }

  /** The calls outside Kafka that events ask for. */
  public List<Effect<?, ?>> effects() {
    return effects;
  }

  /** How reactions' commands are written. */
  public CommandWriter writer() {
    return writer;
  }

  /** The process managers' runners. */
  public List<ProcessRunner<?, ?>> processes() {
    return processes;
  }

  /**
   * What an appended event causes.
   *
   * @param commands the commands the policies send
   * @param inputs the messages for processes
   * @param published the integration events it makes and the calls it asks for
   * @param failures the reactions that threw, and what
   */
  public record Caused(
      List<CommandWriter.Written> commands,
      List<ProcessInput> inputs,
      List<ProducerRecord<byte[], byte[]>> published,
      List<Failure> failures) {}

  /**
   * A reaction that threw on an event; the event stands, and the failure goes to the dead-letter
   * queue.
   *
   * @param reaction which reaction
   * @param error what it threw
   */
  public record Failure(String reaction, RuntimeException error) {}

  /**
   * What an event an aggregate's processor appended causes.
   *
   * @param aggregateType the aggregate's type
   * @param event the event
   * @param aggregate the aggregate after it
   * @param eventId the event's id
   * @param correlationId the flow of the command that appended it
   */
  public Caused onAppended(
      String aggregateType,
      Object event,
      Aggregate<?> aggregate,
      String eventId,
      String correlationId) {
    Cause cause = new Cause(eventId, correlationId, aggregate.updatedAt());
    List<CommandWriter.Written> commands = new ArrayList<>();
    List<ProcessInput> inputs = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    for (Policy policy : policies) {
      String sender = "policy:" + policy.name();
      try {
        List<Send> sends = policy.react(aggregateType, event, aggregate);
        for (int i = 0; i < sends.size(); i++) {
          commands.add(
              writer.write(sends.get(i), cause, sender, i, ReactionHeaders.sentBy(sender)));
        }
      } catch (RuntimeException e) {
        log.error("{} failed on event {} of {}", sender, eventId, aggregateType, e);
        failures.add(new Failure(sender, e));
      }
    }
    for (ProcessRunner<?, ?> process : processes) {
      try {
        process.route(aggregateType, event, aggregate, cause).ifPresent(inputs::add);
      } catch (RuntimeException e) {
        log.error("process:{} failed to route event {}", process.name(), eventId, e);
        failures.add(new Failure("process:" + process.name(), e));
      }
    }
    List<ProducerRecord<byte[], byte[]>> published = new ArrayList<>();
    for (Publication publication : publications) {
      try {
        publication
            .publish(aggregateType, event, aggregate)
            .map(made -> integration.write(publication.name(), made, aggregateType, cause))
            .ifPresent(published::add);
      } catch (RuntimeException e) {
        log.error("publication:{} failed on event {}", publication.name(), eventId, e);
        failures.add(new Failure("publication:" + publication.name(), e));
      }
    }
    for (Effect<?, ?> effect : effects) {
      try {
        effect
            .call(aggregateType, event, aggregate)
            .map(call -> requests.write(effect.name(), call, aggregate.id(), cause))
            .ifPresent(published::add);
      } catch (RuntimeException e) {
        log.error("effect:{} failed on event {}", effect.name(), eventId, e);
        failures.add(new Failure("effect:" + effect.name(), e));
      }
    }
    return new Caused(commands, inputs, published, failures);
  }

  /** The input an outcome is for the process that sent the command. */
  public static ProcessInput outcome(
      ReactionHeaders.ReturnAddress to,
      String rule,
      String ruleMessage,
      String commandId,
      String correlationId,
      Instant at) {
    return ProcessInput.outcome(to, rule, ruleMessage, new Cause(commandId, correlationId, at));
  }

  private static void check(
      String what, List<AggregateType<?, ?, ?>> sources, Set<String> running, Set<String> names) {
    for (AggregateType<?, ?, ?> source : sources) {
      if (!running.contains(source.name())) {
        throw new IllegalArgumentException(
            what + " hears " + source.name() + ", which the app does not run");
      }
    }
    String name = what.substring(what.lastIndexOf(' ') + 1);
    if (!names.add(name)) {
      throw new IllegalArgumentException("two reactions are named " + name);
    }
  }
}
