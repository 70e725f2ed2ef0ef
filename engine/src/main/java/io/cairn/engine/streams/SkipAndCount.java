package io.cairn.engine.streams;

import io.cairn.avro.serde.UnknownTypeException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * What a Cairn application does with a record its serdes cannot read: it passes over it, so that
 * one record never stops a partition, and counts it in the application's {@link SkippedRecords},
 * found in the configuration under {@value SkippedRecords#CONFIG}. The record stays in its topic;
 * the dead-letter queue will hold a copy with the reason.
 */
public final class SkipAndCount implements DeserializationExceptionHandler {
  private SkippedRecords skipped;

  @Override
  public void configure(Map<String, ?> configs) {
    if (!(configs.get(SkippedRecords.CONFIG) instanceof SkippedRecords counts)) {
      throw new IllegalStateException(
          SkipAndCount.class.getSimpleName() + " needs " + SkippedRecords.CONFIG);
    }
    this.skipped = counts;
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {

    UnknownTypeException unknown = unknownType(exception);
    if (unknown != null) {
      skipped.unknownType(record.topic(), unknown.simpleTypeName(), unknown.schemaId());
    } else {
      skipped.unreadable(record.topic(), record.partition(), record.offset(), exception);
    }
    return Response.resume();
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
