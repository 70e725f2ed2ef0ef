package io.cairn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The soak's verdict on its commands, from the log itself: every acknowledged AddItem has exactly
 * one event, at the version its answer gave; each cart's versions run 1..n in log order; no event
 * is there that no client was told of; and each cart's view, once the views have caught up, is what
 * its events fold to.
 *
 * @param acknowledged AddItems acknowledged
 * @param lost acknowledged, and no event of theirs in the log
 * @param duplicated commands with more than one event
 * @param misplaced events at another version than their acknowledgement said, or out of order
 * @param unacknowledged events of commands no client was told of
 * @param viewsWrong carts whose view differs from the fold of their events
 * @param carts carts audited
 */
record SoakAudit(
    long acknowledged,
    long lost,
    long duplicated,
    long misplaced,
    long unacknowledged,
    long viewsWrong,
    int carts,
    List<String> examples) {

  boolean clean() {
    return lost + duplicated + misplaced + unacknowledged + viewsWrong == 0;
  }

  static SoakAudit of(
      Map<String, List<SoakLog.Event>> log, List<SoakLoad.Added> added, URI api, HttpClient http)
      throws Exception {
    List<String> examples = new ArrayList<>();
    Map<String, Long> versionOf = new HashMap<>();
    long misplaced = 0;
    long duplicated = 0;
    for (Map.Entry<String, List<SoakLog.Event>> cart : log.entrySet()) {
      long expected = 1;
      for (SoakLog.Event event : cart.getValue()) {
        if (event.version() != expected++) {
          misplaced++;
          note(
              examples,
              cart.getKey() + " has version " + event.version() + " at " + (expected - 1));
        }
        if (versionOf.put(event.commandId(), event.version()) != null) {
          duplicated++;
          note(examples, "command " + event.commandId() + " has two events");
        }
      }
    }
    long lost = 0;
    for (SoakLoad.Added command : added) {
      Long version = versionOf.remove(command.ack().commandId());
      if (version == null) {
        lost++;
        note(
            examples,
            "acknowledged " + command.ack() + " on " + command.cart() + " is not in the log");
      } else if (version != command.ack().version()) {
        misplaced++;
        note(examples, command.ack() + " is at version " + version + " in the log");
      }
    }
    long viewsWrong = 0;
    for (Map.Entry<String, List<SoakLog.Event>> cart : log.entrySet()) {
      Map<String, Integer> shown = view(api, http, cart.getKey());
      Map<String, Integer> folded = fold(cart.getValue());
      if (!shown.equals(folded)) {
        viewsWrong++;
        note(
            examples,
            "the view of " + cart.getKey() + " shows " + shown + ", its events fold to " + folded);
      }
    }
    return new SoakAudit(
        added.size(),
        lost,
        duplicated,
        misplaced,
        versionOf.size(),
        viewsWrong,
        log.size(),
        examples);
  }

  private static Map<String, Integer> fold(List<SoakLog.Event> events) {
    Map<String, Integer> lines = new TreeMap<>();
    events.forEach(event -> lines.merge(event.productId(), event.quantity(), Integer::sum));
    return lines;
  }

  private static Map<String, Integer> view(URI api, HttpClient http, String cart) throws Exception {
    JsonNode view =
        new ObjectMapper().readTree(Http.get(http, api.resolve("/api/v1/carts/" + cart)));
    Map<String, Integer> lines = new TreeMap<>();
    for (JsonNode line : view.get("lines")) {
      lines.put(line.get("productId").asText(), line.get("quantity").asInt());
    }
    return lines;
  }

  private static void note(List<String> examples, String example) {
    if (examples.size() < 10) {
      examples.add(example);
    }
  }
}
