package io.cairn.queries.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque cursor of a page: where the next page starts. Clients pass it back as is; its form
 * (base64url of {@code v1|<position>}) may change, hence the version tag.
 */
public final class Cursor {
  private static final String PREFIX = "v1|";

  private Cursor() {}

  /** The cursor of a position. */
  public static String of(String position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
  }

  /** The position a cursor names, or empty when it is not a cursor Cairn gave out. */
  public static Optional<String> position(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      return text.startsWith(PREFIX) && text.length() > PREFIX.length()
          ? Optional.of(text.substring(PREFIX.length()))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
