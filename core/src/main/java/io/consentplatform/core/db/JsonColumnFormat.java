package io.consentplatform.core.db;

import io.quarkus.hibernate.orm.JsonFormat;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;
import org.hibernate.type.format.jackson.JacksonJsonFormatMapper;

/** Maps the JSONB columns (localized texts, choices, snapshots) with {@link DomainJson}. */
@JsonFormat
@PersistenceUnitExtension
public class JsonColumnFormat implements FormatMapper {

  private final FormatMapper delegate = new JacksonJsonFormatMapper(DomainJson.mapper());

  @Override
  public <T> T fromString(CharSequence json, JavaType<T> type, WrapperOptions options) {
    return delegate.fromString(json, type, options);
  }

  @Override
  public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
    return delegate.toString(value, type, options);
  }
}
