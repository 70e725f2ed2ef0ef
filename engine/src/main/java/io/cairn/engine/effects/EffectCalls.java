package io.cairn.engine.effects;

import io.cairn.core.reaction.Effect;
import io.cairn.core.reaction.Send;
import io.cairn.engine.reactions.CommandWriter;
import io.cairn.engine.reactions.EffectRequests;
import io.cairn.engine.reactions.ReactionHeaders;
import io.cairn.engine.streams.DeadLetter;
import io.cairn.kafka.topics.ContractTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one effect's calls: each until it is answered, with backoff, then records the answer as a
 * command; a call still failing when the runner gives up, or an answer the domain has no command
 * for, goes to the dead-letter queue with its reason, from where it can be tried again.
 *
 * @param <Q> the effect's requests
 * @param <A> its answers
 */
final class EffectCalls<Q, A> {
  private static final Logger log = LoggerFactory.getLogger(EffectCalls.class);

  private final Effect.Bound<Q, A> bound;
  private final CommandWriter writer;
  private final ContractTopics topics;
  private final Producer<byte[], byte[]> producer;
  private final EffectSettings settings;
  private final Clock clock;

  EffectCalls(
      Effect.Bound<Q, A> bound,
      CommandWriter writer,
      ContractTopics topics,
      Producer<byte[], byte[]> producer,
      EffectSettings settings,
      Clock clock) {
    this.bound = bound;
    this.writer = writer;
    this.topics = topics;
    this.producer = producer;
    this.settings = settings;
    this.clock = clock;
  }

  private String sender() {
    return "effect:" + bound.effect().name();
  }

  /** Keeps a request record that is not a request of this effect in the dead-letter queue. */
  void unreadable(ConsumerRecord<byte[], byte[]> record, Exception error)
      throws InterruptedException {
    deadLetter(record, "unreadable", error, error.getMessage());
  }

  /**
   * Makes the call a request asks for and records its answer.
   *
   * @param record the request's record
   * @param request the request
   * @param superseded whether a later call made this one pointless
   * @throws InterruptedException when the runner stops first; the call is made again later
   */
  void make(
      ConsumerRecord<byte[], byte[]> record,
      EffectRequests.Request request,
      BooleanSupplier superseded)
      throws InterruptedException {
    Effect.Call<Q> call;
    try {
      call = EffectRequests.call(request, bound.effect().requests());
    } catch (IllegalArgumentException e) {
      unreadable(record, e);
      return;
    }
    Instant giveUpAt = clock.instant().plus(settings.giveUpAfter());
    Duration wait = settings.firstBackoff();
    for (int attempt = 1; !superseded.getAsBoolean(); attempt++) {
      try {
        answered(record, request, call, bound.performer().perform(call));
        return;
      } catch (InterruptedException e) {
        if (superseded.getAsBoolean()) {
          break;
        }
        throw e;
      } catch (Exception e) {
        if (!clock.instant().plus(wait).isBefore(giveUpAt)) {
          log.warn(
              "{}: gave up on call {} after {} attempts: {}", sender(), call.key(), attempt, e);
          deadLetter(record, "gave_up", e, "after " + attempt + " attempts: " + e.getMessage());
          return;
        }
        log.debug("{}: call {} failed, attempt {}: {}", sender(), call.key(), attempt, e);
        try {
          Thread.sleep(wait);
        } catch (InterruptedException stopped) {
          if (superseded.getAsBoolean()) {
            break;
          }
          throw stopped;
        }
        wait = settings.after(wait);
      }
    }
    log.info("{}: call {} is superseded and no longer retried", sender(), call.key());
  }

  private void answered(
      ConsumerRecord<byte[], byte[]> record,
      EffectRequests.Request request,
      Effect.Call<Q> call,
      A answer)
      throws InterruptedException, ExecutionException {
    Optional<Send> recording = bound.effect().record(call, answer);
    if (recording.isEmpty()) {
      deadLetter(record, "unrecorded", null, call.key() + " was answered " + answer);
      return;
    }
    Send send = recording.get();
    CommandWriter.Written written =
        writer.write(
            send, request.cause(clock.instant()), sender(), 0, ReactionHeaders.sentBy(sender()));
    ProducerRecord<byte[], byte[]> command =
        topics.commands(send.type().name()).record(written.aggregateId(), written.envelope());
    written.headers().forEach(header -> command.headers().add(header));
    producer.send(command).get();
  }

  private void deadLetter(
      ConsumerRecord<byte[], byte[]> record, String reason, Throwable error, String message)
      throws InterruptedException {
    ProducerRecord<byte[], byte[]> dead =
        DeadLetter.of(
            topics.declared().deadLetters().name(),
            new DeadLetter.Origin(
                "cairn-effects-" + bound.effect().name(),
                record.topic(),
                record.partition(),
                record.offset()),
            record.key(),
            record.value(),
            record.headers(),
            reason,
            error,
            message,
            clock.instant());
    try {
      producer.send(dead).get();
    } catch (ExecutionException e) {
      // The record stays unacknowledged in the log: the runner's owner reads it again on restart.
      throw new IllegalStateException(
          sender() + ": a dead letter for " + record.topic() + "@" + record.offset() + " failed",
          e);
    }
  }
}
