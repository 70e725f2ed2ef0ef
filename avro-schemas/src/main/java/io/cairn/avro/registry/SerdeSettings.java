package io.cairn.avro.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * Reads the loosely typed map that Kafka hands to a serde's {@code configure}: values may be
 * strings, numbers, booleans or lists, depending on who built the map.
 */
public final class SerdeSettings {
  private final Map<String, ?> configs;

  /** Settings over a serde's configuration map. */
  public SerdeSettings(Map<String, ?> configs) {
    this.configs = configs;
  }

  /** A value as text, if set and not blank. */
  public Optional<String> optional(String key) {
    Object value = configs.get(key);
    if (value == null) {
      return Optional.empty();
    }
    String text =
        value instanceof List<?> list
            ? String.join(",", list.stream().map(String::valueOf).toList())
            : value.toString();
    return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
  }

  /** A value as text, or the default. */
  public String string(String key, String defaultValue) {
    return optional(key).orElse(defaultValue);
  }

  /** A comma-separated list, empty when unset. */
  public List<String> list(String key) {
    return optional(key)
        .map(
            text ->
                Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  /** A boolean, {@code true} or {@code false} only. */
  public boolean bool(String key, boolean defaultValue) {
    Optional<String> text = optional(key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    return switch (text.get().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException(key, configs.get(key), "must be true or false");
    };
  }

  /** A whole number. */
  public int integer(String key, int defaultValue) {
    Optional<String> text = optional(key);
    try {
      return text.map(Integer::parseInt).orElse(defaultValue);
    } catch (NumberFormatException e) {
      throw new ConfigException(key, configs.get(key), "must be a whole number");
    }
  }
}
