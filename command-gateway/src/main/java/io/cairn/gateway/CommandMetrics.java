package io.cairn.gateway;

import io.cairn.avro.replies.CommandReply;
import io.cairn.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * Every valid command the gateway took, by aggregate type, command and outcome: a count ({@code
 * cairn_commands_total}) and its latency from receipt to answer ({@code
 * cairn_command_duration_seconds}, a histogram). A request that is not a valid command never gets
 * this far; the HTTP metrics count it by status.
 */
final class CommandMetrics {
  /** The count of commands. */
  static final String COMMANDS = "cairn.commands";

  /** The time from a command's receipt to its answer. */
  static final String DURATION = "cairn.command.duration";

  /** The code tag of an outcome that has none. */
  static final String NO_CODE = "none";

  private final MeterRegistry registry;

  CommandMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A command refused before it was sent: not ready, or too many waiting. */
  void refused(CommandRequest request, ApiException refusal, long receivedNanos) {
    record(request, "refused", refusal.error().error(), receivedNanos);
  }

  /** A command whose answer came: the reply, or the failure that took its place. */
  void answered(CommandRequest request, CommandReply reply, Throwable failure, long receivedNanos) {
    if (failure == null) {
      String code = reply.getError() == null ? NO_CODE : reply.getError().getCode();
      record(request, outcome(reply), code, receivedNanos);
      return;
    }
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof ApiException api) {
      record(
          request, api.status() == 504 ? "timeout" : "refused", api.error().error(), receivedNanos);
    } else {
      record(request, "failed", NO_CODE, receivedNanos);
    }
  }

  private static String outcome(CommandReply reply) {
    return switch (reply.getOutcome()) {
      case ACCEPTED -> "accepted";
      case REJECTED -> "rejected";
      case VERSION_CONFLICT -> "conflict";
      case IDEMPOTENCY_KEY_REUSED -> "key_reused";
    };
  }

  private void record(CommandRequest request, String outcome, String code, long receivedNanos) {
    String[] tags = {
      "type", request.type(), "command", request.command(), "outcome", outcome, "code", code
    };
    Counter.builder(COMMANDS)
        .description("Commands taken, by aggregate type, command and outcome")
        .tags(tags)
        .register(registry)
        .increment();
    Timer.builder(DURATION)
        .description("Time from a command's receipt to its answer")
        .tags(tags)
        .publishPercentileHistogram()
        // Buckets from 1 ms to 30 s: what an answer can take, in a third of the default buckets.
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry)
        .record(Duration.ofNanos(System.nanoTime() - receivedNanos));
  }
}
