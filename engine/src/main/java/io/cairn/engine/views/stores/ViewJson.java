package io.cairn.engine.views.stores;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * The JSON the views keep in their stores and repartition topics. Nothing in it is part of the
 * public contract: it is rebuilt from the event log whenever the code changes. An unknown field is
 * ignored, so a view that drops a field still reads its old entries.
 */
public final class ViewJson {
  /**
   * Immutable once built, so shared by every serde. Field names are not canonicalised: many are ids
   * (the aggregates an entry has seen, a product's raters), which would fill Jackson's shared
   * symbol table without end and made its upkeep a third of a replay's time. Records are read and
   * written through Blackbird's generated accessors, not reflection, which was a third of writing
   * an entry. Instants are epoch milliseconds: parsing ISO text cost a formatter pass per field.
   * Entries stored as ISO text before are still read, as Jackson reads either form.
   */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
                  .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
                  .build())
          .addModule(new JavaTimeModule())
          .addModule(new BlackbirdModule())
          .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private ViewJson() {}
}
