package io.consentplatform.api.abuse;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Bounds on what the JSON parser of the tenant API accepts: no document of ours nests deeper than a
 * few levels, and no text of ours is longer than a policy introduction.
 */
@Singleton
public class JsonLimits implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxStringLength(1_000_000)
                .maxNumberLength(40)
                .build());
  }
}
