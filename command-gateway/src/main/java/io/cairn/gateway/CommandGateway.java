package io.cairn.gateway;

import io.cairn.avro.contract.Contract;
import io.cairn.avro.replies.CommandReply;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.kafka.client.KafkaConnection;
import io.cairn.kafka.topics.ContractTopics;
import io.cairn.kafka.topics.Topic;
import io.cairn.web.ApiException;
import io.cairn.web.RequestLogContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.MDC;

/**
 * The write side's front door: checks a command at the edge, sends it to Kafka, and waits, without
 * holding a thread, for the reply the command processor writes in the same transaction as the
 * command's events.
 */
public final class CommandGateway implements AutoCloseable {
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
  // Held processors wait for an operator: a client had better come back much later.
  private static final Duration RETRY_HELD_AFTER = Duration.ofSeconds(60);

  private final CommandRequests requests;
  private final CommandSender sender;
  private final ReplyListener listener;
  private final Processing processing;
  private final Duration timeout;
  private final int maxInFlight;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final CommandMetrics metrics;
  private final List<AutoCloseable> clientMetrics;

  /**
   * How the gateway behaves.
   *
   * @param commandTimeout how long a request waits for its reply before answering 504
   * @param maxInFlight how many commands may wait for their outcome at once; beyond that a command
   *     is refused with 503 overloaded before anything is written, so that a burst the processors
   *     cannot absorb costs the client a retry rather than costing the process its memory
   */
  public record Settings(Duration commandTimeout, int maxInFlight) {
    /** Checks the limits. */
    public Settings {
      if (maxInFlight < 1) {
        throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
      }
    }
  }

  private CommandGateway(
      CommandRequests requests,
      CommandSender sender,
      ReplyListener listener,
      Processing processing,
      Settings settings,
      MeterRegistry registry) {
    this.requests = requests;
    this.sender = sender;
    this.listener = listener;
    this.processing = processing;
    this.timeout = settings.commandTimeout();
    this.maxInFlight = settings.maxInFlight();
    this.metrics = new CommandMetrics(registry);
    this.clientMetrics = List.of(sender.bindMetrics(registry), listener.bindMetrics(registry));
  }

  /**
   * Starts the gateway: its reply listener is positioned before the first command can be sent.
   *
   * @param types the aggregate types that take commands
   * @param contract the envelopes their commands travel in
   * @param topics the topics, with the contract's serdes
   * @param processing whether the command processors take commands now
   * @param registry where the commands and the gateway's Kafka clients are measured
   */
  public static CommandGateway start(
      Settings settings,
      List<AggregateType<?, ?, ?>> types,
      Contract contract,
      KafkaConnection kafka,
      ContractTopics topics,
      Processing processing,
      Clock clock,
      MeterRegistry registry) {
    ReplyListener listener = new ReplyListener(kafka, topics.replies(), settings.commandTimeout());
    listener.start();
    Map<String, Topic<String, SpecificRecord>> commandTopics = new HashMap<>();
    Map<String, Schema> envelopes = new HashMap<>();
    Set<String> customerTypes = new HashSet<>();
    for (AggregateType<?, ?, ?> type : types) {
      commandTopics.put(type.name(), topics.commands(type.name()));
      envelopes.put(type.name(), contract.envelopes(type.name()).command());
      type.customers().ifPresent(access -> customerTypes.add(type.name()));
    }
    CommandSender sender = new CommandSender(kafka, commandTopics, settings.commandTimeout());
    return new CommandGateway(
        new CommandRequests(envelopes, customerTypes, clock),
        sender,
        listener,
        processing,
        settings,
        registry);
  }

  /** Whether replies are still being read, as the process's liveness asks. */
  public boolean listening() {
    return listener.isRunning();
  }

  /**
   * Submits a command.
   *
   * @throws ApiException at once, for a request that is invalid or cannot be served now; the future
   *     fails with one for a command whose outcome does not come in time
   */
  public CompletableFuture<CommandReply> submit(CommandRequests.Http http) {
    long received = System.nanoTime();
    CommandRequest request = requests.read(http);
    MDC.put(RequestLogContext.COMMAND_ID, request.commandId());
    if (http.correlationId() == null) {
      // The command's correlation id is then its own id, and its log lines say so too.
      MDC.put(RequestLogContext.CORRELATION_ID, request.commandId());
    }
    try {
      checkAccepting();
    } catch (ApiException refusal) {
      metrics.refused(request, refusal, received);
      throw refusal;
    }
    try {
      return send(request)
          .whenComplete(
              (answer, failure) -> {
                inFlight.decrementAndGet();
                metrics.answered(request, answer, failure, received);
              });
    } catch (RuntimeException e) {
      inFlight.decrementAndGet();
      throw e;
    }
  }

  /** Takes a place among the commands in flight, or refuses when none can be taken now. */
  private void checkAccepting() {
    processing
        .held()
        .get()
        .ifPresent(
            why -> {
              throw ApiException.unavailable(
                  "aggregates_behind_log",
                  "Cairn takes no commands: " + why + " Nothing was written.",
                  RETRY_HELD_AFTER);
            });
    if (!processing.ready().getAsBoolean() || !listener.isRunning()) {
      throw ApiException.unavailable(
          "not_ready",
          "Cairn is not ready to process commands yet; nothing was written. Retry shortly.",
          RETRY_AFTER);
    }
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      throw ApiException.unavailable(
          "overloaded",
          "Cairn already has "
              + maxInFlight
              + " commands waiting for their outcome, its limit (commands.max.in.flight); nothing"
              + " was written. Retry shortly.",
          RETRY_AFTER);
    }
  }

  private CompletableFuture<CommandReply> send(CommandRequest request) {
    String commandId = request.commandId();
    CompletableFuture<CommandReply> reply = listener.expect(commandId);
    return sender
        .send(request)
        .exceptionallyCompose(failure -> CompletableFuture.failedFuture(notSent(failure)))
        .thenCompose(sent -> reply)
        .exceptionallyCompose(
            failure -> CompletableFuture.failedFuture(explain(failure, commandId)))
        .whenComplete((answer, failure) -> listener.forget(commandId));
  }

  private static ApiException notSent(Throwable failure) {
    return ApiException.unavailable(
        "not_ready",
        "Kafka did not accept the command, so nothing was written: " + failure.getMessage(),
        RETRY_AFTER);
  }

  private ApiException explain(Throwable failure, String commandId) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof ApiException api) {
      return api;
    }
    if (cause instanceof TimeoutException) {
      return new ApiException(
          504,
          "command_timeout",
          "The command was sent, but its outcome did not arrive within "
              + timeout.toMillis()
              + " ms; it may still take effect. Retrying with the same Idempotency-Key is safe.",
          Map.of("commandId", commandId));
    }
    throw new CompletionException(cause);
  }

  @Override
  public void close() {
    clientMetrics.forEach(CommandGateway::closeQuietly);
    sender.close();
    listener.close();
  }

  private static void closeQuietly(AutoCloseable metrics) {
    try {
      metrics.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop measuring a Kafka client", e);
    }
  }
}
