package io.cairn.engine.reactions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How the reactions' own records (a process's state and messages, an effect's requests) are kept as
 * JSON: instants as RFC 3339 text, since they are shown as they are kept, and a field a record no
 * longer has is ignored, so a record written by an older build still reads.
 */
final class ReactionJson {
  /** The mapper; thread-safe once built. */
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private ReactionJson() {}
}
