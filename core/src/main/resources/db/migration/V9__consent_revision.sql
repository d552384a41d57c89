-- Not every publication asks visitors again (issue 20, point 3). Each version records its consent
-- revision: the number of the latest version, itself included, that asked visitors again. The
-- banner asks a visitor again only when their decision was made on an older version than that.
alter table policy_version add column consent_revision integer;

-- Until now every publication asked again: each existing version is its own revision. Versions are
-- immutable (refuse_change); the trigger is lifted for this one backfill only, inside the
-- migration's transaction, so no other session ever sees the table without it.
alter table policy_version disable trigger policy_version_is_immutable;
update policy_version set consent_revision = number;
alter table policy_version enable trigger policy_version_is_immutable;

alter table policy_version
    alter column consent_revision set not null,
    add constraint policy_version_consent_revision check (consent_revision between 1 and number);
