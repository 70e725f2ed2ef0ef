package io.cairn.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON conventions of Cairn's HTTP surface, in one mapper shared by every route. */
public final class Json {
  private Json() {}

  /**
   * A mapper that writes instants and durations as ISO-8601 strings, and refuses unknown
   * properties, so that a client's typo is an error rather than a silently ignored field.
   */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder(
            JsonFactory.builder()
                // Requests run on virtual threads, one each: the default pool, one per thread,
                // gave every request fresh buffers of some 16 KB. This pool is shared.
                .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                .build())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }
}
