package io.cairn.app.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape of /metrics, read as Prometheus reads its text format: series with labels and values.
 */
record Scrape(List<Series> series) {
  private static final Pattern LINE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** One series: its name, labels and value. */
  record Series(String name, Map<String, String> labels, double value) {}

  static Scrape of(String text) {
    List<Series> series = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher matcher = LINE.matcher(line);
      if (!matcher.matches()) {
        throw new AssertionError("not a Prometheus sample line: " + line);
      }
      Map<String, String> labels = new HashMap<>();
      if (matcher.group(3) != null) {
        Matcher label = LABEL.matcher(matcher.group(3));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      series.add(new Series(matcher.group(1), labels, Double.parseDouble(matcher.group(4))));
    }
    return new Scrape(series);
  }

  /** The series of this name whose labels include the given name-value pairs. */
  List<Series> find(String name, String... labels) {
    return series.stream()
        .filter(s -> s.name().equals(name))
        .filter(
            s -> {
              for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                  return false;
                }
              }
              return true;
            })
        .toList();
  }

  /** The sum of those series' values; 0 when there are none. */
  double sum(String name, String... labels) {
    return find(name, labels).stream().mapToDouble(Series::value).sum();
  }

  /** Whether any series has a name that begins so. */
  boolean hasFamily(String prefix) {
    return series.stream().anyMatch(s -> s.name().startsWith(prefix));
  }
}
