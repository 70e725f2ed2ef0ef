package io.cairn.queries.aggregates;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.cairn.core.aggregate.AggregateType;
import io.cairn.queries.http.Cursor;
import io.cairn.queries.http.NotFound;
import java.util.Optional;

/** A page of an aggregate's events as the API shows it: {@code {"items", "nextCursor"}}. */
final class HistoryAnswer {
  private HistoryAnswer() {}

  static ObjectNode of(
      AggregateReads reads, AggregateType<?, ?, ?> type, String id, HistoryParams params) {
    AggregateReads.HistoryPage page = reads.history(type, id, params.fromVersion(), params.limit());
    if (page.items().isEmpty() && params.fromVersion() == 1) {
      throw NotFound.of(type.name(), id, Optional.empty());
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode items = body.putArray("items");
    page.items().forEach(item -> items.addRawValue(new RawValue(item)));
    Long next = page.nextVersion();
    body.put("nextCursor", next == null ? null : Cursor.of(Long.toString(next)));
    return body;
  }
}
