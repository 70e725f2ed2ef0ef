package io.cairn.app.config;

import java.util.List;

/** The configuration cannot be used; each problem names the key and where its value came from. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One sentence per problem. */
  private final List<String> problems;

  /** Reports every problem found, not only the first. */
  public ConfigException(List<String> problems) {
    super("invalid configuration:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One sentence per problem, each naming its key. */
  public List<String> problems() {
    return problems;
  }
}
