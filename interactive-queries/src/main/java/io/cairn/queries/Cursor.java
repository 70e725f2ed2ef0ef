package io.cairn.queries;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque cursor of a page of events: where the next page starts. Clients pass it back as is;
 * its form (base64url of {@code v1|<version>}) may change, hence the version tag.
 */
final class Cursor {
  private static final String PREFIX = "v1|";

  private Cursor() {}

  static String of(long version) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + version).getBytes(StandardCharsets.UTF_8));
  }

  /** The version a cursor names, or empty when it is not a cursor Cairn gave out. */
  static Optional<Long> version(String cursor) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!text.startsWith(PREFIX)) {
        return Optional.empty();
      }
      long version = Long.parseLong(text.substring(PREFIX.length()));
      return version >= 1 ? Optional.of(version) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
