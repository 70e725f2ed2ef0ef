package io.cairn.app.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Gathers the raw configuration, each source overriding the one before: an optional config file,
 * then environment variables, then command-line flags. (Defaults come last to mind but first in
 * force: they live with the typed readers in {@link Settings}.)
 *
 * <ul>
 *   <li>File: a properties file named by {@code --config FILE} or {@code CAIRN_CONFIG}, with the
 *       same keys as the flags.
 *   <li>Environment: {@code CAIRN_HTTP_PORT} sets {@code http.port} (upper case, dots as
 *       underscores); {@code KAFKA_BOOTSTRAP_SERVERS} sets {@code kafka.bootstrap.servers}, {@code
 *       SCHEMA_REGISTRY_URL} sets {@code registry.url}.
 *   <li>Flags: {@code --http.port=8080} or {@code --http.port 8080}.
 * </ul>
 */
public final class ConfigSources {
  /** Environment variables the launcher script reads itself; they are not configuration keys. */
  private static final List<String> LAUNCHER_VARIABLES = List.of("CAIRN_JAVA_OPTS", "CAIRN_CONFIG");

  private static final Map<String, String> ENV_ALIASES =
      Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", "kafka.bootstrap.servers",
          "SCHEMA_REGISTRY_URL", "registry.url");

  private ConfigSources() {}

  /**
   * Collects the raw values.
   *
   * @param flags the command-line arguments after the command name
   * @param env the process environment
   * @throws ConfigException when a flag is malformed or the config file cannot be read
   */
  public static Map<String, ConfigValue> collect(List<String> flags, Map<String, String> env) {
    List<String> problems = new ArrayList<>();
    Map<String, ConfigValue> fromFlags = parseFlags(flags, problems);
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    configFile(fromFlags, env).ifPresent(file -> values.putAll(readFile(file, problems)));
    values.putAll(fromEnvironment(env));
    fromFlags.remove("config");
    values.putAll(fromFlags);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return values;
  }

  private static Optional<ConfigValue> configFile(
      Map<String, ConfigValue> flags, Map<String, String> env) {
    if (flags.containsKey("config")) {
      return Optional.of(flags.get("config"));
    }
    return Optional.ofNullable(env.get("CAIRN_CONFIG"))
        .map(path -> new ConfigValue(path, "environment variable CAIRN_CONFIG"));
  }

  private static Map<String, ConfigValue> parseFlags(List<String> flags, List<String> problems) {
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    for (int i = 0; i < flags.size(); i++) {
      String flag = flags.get(i);
      if (!flag.startsWith("--") || flag.length() == 2) {
        problems.add("unexpected argument '" + flag + "': settings are given as --key=value");
        continue;
      }
      String body = flag.substring(2);
      int equals = body.indexOf('=');
      if (equals >= 0) {
        String key = body.substring(0, equals);
        values.put(key, new ConfigValue(body.substring(equals + 1), "flag --" + key));
      } else if (i + 1 < flags.size() && !flags.get(i + 1).startsWith("--")) {
        values.put(body, new ConfigValue(flags.get(++i), "flag --" + body));
      } else {
        problems.add("flag --" + body + " has no value: write --" + body + "=VALUE");
      }
    }
    return values;
  }

  private static Map<String, ConfigValue> fromEnvironment(Map<String, String> env) {
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    ENV_ALIASES.forEach(
        (variable, key) -> {
          if (env.containsKey(variable)) {
            values.put(key, new ConfigValue(env.get(variable), "environment variable " + variable));
          }
        });
    env.forEach(
        (variable, value) -> {
          if (variable.startsWith("CAIRN_") && !LAUNCHER_VARIABLES.contains(variable)) {
            String key = variable.substring("CAIRN_".length()).toLowerCase(Locale.ROOT);
            values.put(
                key.replace('_', '.'), new ConfigValue(value, "environment variable " + variable));
          }
        });
    return values;
  }

  private static Map<String, ConfigValue> readFile(ConfigValue file, List<String> problems) {
    Path path = Path.of(file.value());
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      problems.add(
          "cannot read the config file "
              + path
              + " (from "
              + file.origin()
              + "): "
              + e.getMessage());
      return Map.of();
    }
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames()) {
      values.put(key, new ConfigValue(properties.getProperty(key).trim(), "config file " + path));
    }
    return values;
  }
}
