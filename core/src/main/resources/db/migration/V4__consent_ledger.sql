-- Tamper evidence for proof of consent.
--
-- Each site's consent records are sealed, in order, into a hash chain: an entry holds the SHA-256 of
-- its record's canonical content and hash = sha256(prev_hash || record_digest). Sealing runs shortly
-- after the insert (LedgerSealer), so that recording a decision never waits for a chain lock.

create table consent_ledger (
    site_id        bigint      not null references site (id),
    seq            bigint      not null check (seq > 0),
    record_id      uuid        not null unique,
    record_digest  text        not null check (record_digest ~ '^[0-9a-f]{64}$'),
    prev_hash      text        not null check (prev_hash ~ '^[0-9a-f]{64}$'),
    hash           text        not null check (hash ~ '^[0-9a-f]{64}$'),
    sealed_at      timestamptz not null,
    primary key (site_id, seq)
);

-- Records waiting to be sealed: filled by the insert trigger below, emptied by the sealer.
create table consent_ledger_pending (
    record_id  uuid   primary key,
    site_id    bigint not null
);
create index consent_ledger_pending_site on consent_ledger_pending (site_id);

create function queue_for_ledger() returns trigger language plpgsql as $$
begin
    insert into consent_ledger_pending (record_id, site_id) values (new.id, new.site_id);
    return new;
end;
$$;

create trigger consent_record_is_queued_for_ledger
    after insert on consent_record
    for each row execute function queue_for_ledger();

-- Where a chain continues after its oldest entries were removed by retention: the last removed
-- entry's sequence number and hash, so that the rest still verifies.
create table consent_ledger_checkpoint (
    site_id     bigint      not null references site (id),
    seq         bigint      not null,
    hash        text        not null check (hash ~ '^[0-9a-f]{64}$'),
    removed     bigint      not null,
    created_at  timestamptz not null,
    primary key (site_id, seq)
);

-- Records erased at a visitor's request: their ledger entries stay (digests only), so that the
-- chain still verifies, and this table says why their records are gone.
create table consent_erasure (
    record_id     uuid        primary key,
    site_id       bigint      not null references site (id),
    visitor_hash  text        not null,
    erased_at     timestamptz not null,
    erased_by     text        not null
);

-- How long a tenant keeps proof of consent; then retention removes records and their entries.
alter table tenant add column consent_retention_days integer not null default 1825
    check (consent_retention_days between 30 and 3650);

-- Public keys of every key that ever signed a receipt: old receipts stay verifiable after a
-- rotation or a restart with a new key.
create table receipt_key (
    kid         text        primary key,
    public_key  text        not null,
    created_at  timestamptz not null
);

-- Records and ledger entries are never changed; they are deleted only by retention or by an
-- erasure request, which say so for their own transaction (set local consent.deletion).
create function refuse_change_unless_deletion() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('consent.deletion', true) in ('retention', 'erasure') then
        return old;
    end if;
    raise exception '% rows are immutable: % refused', tg_table_name, tg_op
        using errcode = 'integrity_constraint_violation';
end;
$$;

drop trigger consent_record_is_append_only on consent_record;
create trigger consent_record_is_append_only
    before update or delete on consent_record
    for each row execute function refuse_change_unless_deletion();

create trigger consent_ledger_is_append_only
    before update or delete on consent_ledger
    for each row execute function refuse_change_unless_deletion();
