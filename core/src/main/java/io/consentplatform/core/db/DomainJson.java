package io.consentplatform.core.db;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON dialect of the domain: JSONB columns and policy snapshots. Kept apart from the REST
 * layer's ObjectMapper so that tuning the API's JSON can never change what is stored or hashed.
 */
public final class DomainJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private DomainJson() {}

  /** The shared, thread-safe mapper; never reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
