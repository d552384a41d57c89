package io.consentplatform.core.db;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** Base of the tenant-editable entities: a database-generated numeric id. */
@MappedSuperclass
public abstract class DomainEntity extends PanacheEntityBase {

  // Identity columns rather than Panache's default sequences: the schema is Flyway's, and identity
  // columns need no separately named sequence that Hibernate would have to agree with.
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;
}
