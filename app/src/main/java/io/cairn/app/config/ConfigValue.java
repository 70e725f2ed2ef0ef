package io.cairn.app.config;

/**
 * One raw configuration value and where it came from, so that an error can point at the exact place
 * to fix.
 *
 * @param value the value as written
 * @param origin where it was written: a flag, an environment variable, or a config file
 */
public record ConfigValue(String value, String origin) {}
