package io.cairn.queries.reports;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cairn.core.report.Report;
import io.cairn.engine.views.stores.ViewJson;
import java.time.Instant;

/** A report's window as clients see it: {@code {windowStart, windowEnd, key, ...measures}}. */
final class WindowItems {
  private WindowItems() {}

  /** The item of a key's window that starts at the instant. */
  static <A> ObjectNode item(Report<?, A> report, String key, Instant start, A window) {
    ObjectNode item = ViewJson.MAPPER.createObjectNode();
    item.put("windowStart", start.toString());
    item.put("windowEnd", start.plus(report.windowing().size()).toString());
    item.put("key", key);
    item.setAll((ObjectNode) ViewJson.MAPPER.valueToTree(report.render(window)));
    return item;
  }
}
