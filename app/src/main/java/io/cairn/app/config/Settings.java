package io.cairn.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads typed values out of the raw configuration, and keeps account of it: every key it is asked
 * for is documented (for {@code cairn help}), every malformed value is an error naming its key and
 * origin, and every key given that nobody asked for is reported as unknown. Errors are gathered,
 * not thrown one at a time, so that one start-up attempt shows them all.
 */
public final class Settings {
  /** A key as documented: its name, default and meaning. */
  public record KeyDoc(String key, String defaultValue, String description) {}

  private final Map<String, ConfigValue> values;
  private final Set<String> consumed = new TreeSet<>();
  private final Map<String, KeyDoc> docs = new LinkedHashMap<>();
  private final List<String> prefixes = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  /** Settings over the raw values from {@link ConfigSources}. */
  public Settings(Map<String, ConfigValue> values) {
    this.values = new TreeMap<>(values);
  }

  /** A string, or the default when not given. */
  public String string(String key, String defaultValue, String description) {
    return parsed(key, defaultValue, description, value -> value);
  }

  /** A string with no default. */
  public Optional<String> optionalString(String key, String description) {
    Optional<String> value = Optional.ofNullable(parsed(key, null, description, text -> text));
    return value.filter(text -> !text.isBlank());
  }

  /** A whole number within bounds. */
  public int integer(String key, int defaultValue, int min, int max, String description) {
    Integer parsed =
        parsed(
            key,
            defaultValue,
            description,
            text -> {
              int number = Integer.parseInt(text.trim());
              if (number < min || number > max) {
                throw new IllegalArgumentException(
                    "must be between " + min + " and " + max + ", not " + number);
              }
              return number;
            });
    return parsed == null ? defaultValue : parsed;
  }

  /** A boolean, {@code true} or {@code false}. */
  public boolean bool(String key, boolean defaultValue, String description) {
    return parsed(
        key,
        defaultValue,
        description,
        text ->
            switch (text.trim()) {
              case "true" -> true;
              case "false" -> false;
              default -> throw new IllegalArgumentException("must be true or false");
            });
  }

  /** A value of any type, read by the given parser; its exceptions become problems. */
  public <T> T parsed(String key, T defaultValue, String description, Function<String, T> parse) {
    return read(key, defaultValue, description, parse);
  }

  /** A TCP port. */
  public int port(String key, int defaultValue, String description) {
    return integer(key, defaultValue, 1, 65535, description);
  }

  /** A file system path. */
  public Path path(String key, Path defaultValue, String description) {
    return parsed(key, defaultValue, description, text -> Path.of(text.trim()));
  }

  /** A duration such as {@code 30s}, {@code 500ms}, {@code 2m} or ISO-8601 {@code PT30S}. */
  public Duration duration(String key, Duration defaultValue, String description) {
    Duration parsed = parsed(key, defaultValue, description, Durations::parse);
    docs.put(key, new KeyDoc(key, Durations.format(defaultValue), description));
    return parsed;
  }

  /**
   * Every key under a prefix, for settings passed through to a library as they are.
   *
   * @param prefix the prefix, with its trailing dot
   * @param accepted which names under the prefix are legal
   * @param rejection the sentence that explains why a name was refused
   */
  public Map<String, String> prefixed(
      String prefix, Predicate<String> accepted, String rejection, String description) {
    prefixes.add(prefix);
    docs.put(prefix + "*", new KeyDoc(prefix + "*", "", description));
    Map<String, String> found = new TreeMap<>();
    values.forEach(
        (key, value) -> {
          if (key.startsWith(prefix) && !consumed.contains(key)) {
            consumed.add(key);
            String name = key.substring(prefix.length());
            if (accepted.test(name)) {
              found.put(name, value.value());
            } else {
              problems.add("unknown key " + key + " (from " + value.origin() + "): " + rejection);
            }
          }
        });
    return found;
  }

  /**
   * Builds a value that validates itself (a record whose constructor checks its fields); a failure
   * becomes a problem naming the keys involved.
   */
  public <T> Optional<T> validated(String keys, Supplier<T> builder) {
    try {
      return Optional.of(builder.get());
    } catch (IllegalArgumentException e) {
      problems.add(keys + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  /** Fails with every problem found so far, unknown keys included. */
  public void requireValid() {
    List<String> all = new ArrayList<>(problems);
    values.forEach(
        (key, value) -> {
          if (!consumed.contains(key)) {
            all.add(unknownKey(key, value));
          }
        });
    if (!all.isEmpty()) {
      throw new ConfigException(all);
    }
  }

  /** Every key that was asked for, sorted by name. */
  public List<KeyDoc> documentation() {
    return docs.values().stream().sorted(Comparator.comparing(KeyDoc::key)).toList();
  }

  private <T> T read(String key, T defaultValue, String description, Function<String, T> parse) {
    docs.put(
        key, new KeyDoc(key, defaultValue == null ? "" : defaultValue.toString(), description));
    consumed.add(key);
    ConfigValue value = values.get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return parse.apply(value.value());
    } catch (RuntimeException e) {
      problems.add(
          "malformed value '%s' for %s (from %s): %s"
              .formatted(value.value(), key, value.origin(), reason(e)));
      return defaultValue;
    }
  }

  private String unknownKey(String key, ConfigValue value) {
    String sentence = "unknown key " + key + " (from " + value.origin() + ")";
    return Suggestions.closest(key, docs.keySet())
        .map(known -> sentence + "; did you mean " + known + "?")
        .orElse(sentence + "; `cairn help` lists every key");
  }

  private static String reason(RuntimeException e) {
    return e instanceof NumberFormatException ? "not a whole number" : e.getMessage();
  }
}
