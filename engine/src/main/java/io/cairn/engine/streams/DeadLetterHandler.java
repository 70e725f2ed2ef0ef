package io.cairn.engine.streams;

import io.cairn.avro.serde.UnknownTypeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * What a Cairn application does with a record it cannot read, or whose processing throws: it puts a
 * copy in the dead-letter queue, with where it came from and why, in the same transaction as the
 * rest of the task's work (Kafka Streams' dead-letter support, KIP-1034), counts it in the
 * application's {@link SkippedRecords}, and goes on, so one record never stops a partition. The
 * counts are found in the configuration under {@value SkippedRecords#CONFIG}, the queue's topic
 * under {@value #QUEUE_CONFIG}.
 */
public final class DeadLetterHandler
    implements DeserializationExceptionHandler, ProcessingExceptionHandler {
  /** The Streams configuration key of the dead-letter topic's name. */
  public static final String QUEUE_CONFIG = "cairn.dead.letter.queue";

  private SkippedRecords skipped;
  private String queue;

  @Override
  public void configure(Map<String, ?> configs) {
    if (!(configs.get(SkippedRecords.CONFIG) instanceof SkippedRecords counts)
        || !(configs.get(QUEUE_CONFIG) instanceof String topic)) {
      throw new IllegalStateException(
          DeadLetterHandler.class.getSimpleName()
              + " needs "
              + SkippedRecords.CONFIG
              + " and "
              + QUEUE_CONFIG);
    }
    this.skipped = counts;
    this.queue = topic;
  }

  @Override
  public DeserializationExceptionHandler.Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    UnknownTypeException unknown = unknownType(exception);
    String reason;
    if (unknown != null) {
      skipped.unknownType(record.topic(), unknown.simpleTypeName(), unknown.schemaId());
      reason = "unknown_type";
    } else {
      skipped.unreadable(record.topic(), record.partition(), record.offset(), exception);
      reason = "unreadable";
    }
    DeadLetter.Origin origin =
        new DeadLetter.Origin(
            skipped.application(), record.topic(), record.partition(), record.offset());
    return DeserializationExceptionHandler.Response.resume(
        List.of(
            DeadLetter.of(
                queue,
                origin,
                record.key(),
                record.value(),
                record.headers(),
                reason,
                exception,
                message(exception),
                Instant.now())));
  }

  @Override
  public ProcessingExceptionHandler.Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    String topic = context.topic() == null ? "(punctuation)" : context.topic();
    RefusedRecord refused = refused(exception);
    if (refused == null) {
      skipped.failed(
          topic, context.partition(), context.offset(), context.processorNodeId(), exception);
    } else {
      skipped.refused(topic, refused);
    }
    DeadLetter.Origin origin =
        new DeadLetter.Origin(skipped.application(), topic, context.partition(), context.offset());
    return ProcessingExceptionHandler.Response.resume(
        List.of(
            DeadLetter.of(
                queue,
                origin,
                context.sourceRawKey(),
                context.sourceRawValue(),
                context.headers(),
                refused == null ? "failed" : refused.reason(),
                exception,
                refused == null
                    ? context.processorNodeId() + ": " + message(exception)
                    : refused.getMessage(),
                Instant.now())));
  }

  private static String message(Throwable exception) {
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == exception ? text : exception.getMessage() + " (" + text + ")";
  }

  private static RefusedRecord refused(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof RefusedRecord refused) {
        return refused;
      }
    }
    return null;
  }

  private static UnknownTypeException unknownType(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnknownTypeException unknown) {
        return unknown;
      }
    }
    return null;
  }
}
