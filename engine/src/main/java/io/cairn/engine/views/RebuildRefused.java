package io.cairn.engine.views;

import java.util.Map;

/**
 * A rebuild of the views that cannot begin now, with a stable code: {@code rebuild_in_progress}
 * while one runs, {@code views_running_elsewhere} while other instances run the views and this one
 * does not know where they answer yet.
 */
public final class RebuildRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final transient Map<String, Object> details;

  RebuildRefused(String code, String message, Map<String, Object> details) {
    super(message);
    this.code = code;
    this.details = Map.copyOf(details);
  }

  /** The refusal's stable code. */
  public String code() {
    return code;
  }

  /** What the refusal is about: the rebuild under way, or the members seen elsewhere. */
  public Map<String, Object> details() {
    return details;
  }
}
