-- Monthly partitions of proof of consent (issue 19, part 5).
--
-- consent_record and consent_ledger are partitioned by month of the record's time (recorded_at, in
-- UTC), so that retention drops a month whole instead of deleting it row by row, and a ledger entry
-- lies in the same month as its record: a month of records and its entries go together.
--
-- The tables move without copying a row: each is renamed and attached to a new partitioned parent as
-- its "initial" partition, holding everything up to the latest record. A validated CHECK
-- constraint with that bound lets the attach skip its scan; validating it reads the table once (no
-- write) and, within this migration's transaction, holds back inserts into it meanwhile (records for
-- consent_record; only the sealer for consent_ledger). An installation too large for that pause adds
-- and validates consent_record_initial_bound itself beforehand, online (docs/partitions.md): this
-- migration then takes its bound and does not scan.
--
-- Kept as they were: the append-only and ledger-queue triggers (now on the parents, which clone them
-- to every partition), row-level security and the runtime role's grants (on the parents: partitions
-- are reached only through them), the indexes the queries use. Lost: a primary key on the record id
-- alone (and uniqueness of a ledger entry's site and sequence number, and of its record id) across
-- the whole table, since PostgreSQL requires a partitioned table's unique keys to include the
-- partition key. Each partition keeps them, which makes them unique within a month; across months
-- the record id is a random 122-bit UUID the platform draws itself (RandomIds), a record is queued
-- once (consent_ledger_pending's key) and a site's sequence numbers are handed out under its sealing
-- lock (LedgerSealer).
--
-- consent_ledger_node and consent_ledger_head stay whole: a node or head spans many months of a
-- site's tree, and retention removes nodes with the checkpoint that replaces them.

-- A ledger entry's record time: the partition key, written by the sealer. Entries sealed before
-- this migration get -infinity without a rewrite (a constant default is kept in the catalog); they
-- and their records are all in the initial partitions.
alter table consent_ledger add column recorded_at timestamptz not null default '-infinity';

do $$
declare
    bound timestamptz;
    defined text;
begin
    -- The initial partitions end just after the latest record (a look-up per site in its index),
    -- so that the next decision already goes into its month's partition; or where an operator's
    -- validated consent_record_initial_bound says. With no records they end where time starts, so
    -- that every month, the past included, can have its own partition.
    lock table consent_record in share row exclusive mode;
    select pg_get_constraintdef(c.oid) into defined from pg_constraint c
        where c.conrelid = 'consent_record'::regclass and c.conname = 'consent_record_initial_bound'
        and c.convalidated;
    if defined is not null then
        bound := substring(defined from '''([^'']+)''')::timestamptz;
    else
        select coalesce(max(l.latest) + interval '1 microsecond', '-infinity') into bound
            from site s, lateral (select max(r.recorded_at) as latest from consent_record r
                                  where r.site_id = s.id) l;
        if bound = '-infinity' and exists (select from consent_ledger) then
            bound := now(); -- entries of erased records only: they need a range to lie in
        end if;
        execute 'alter table consent_record drop constraint if exists consent_record_initial_bound';
        execute format('alter table consent_record add constraint consent_record_initial_bound'
                       ' check (recorded_at < %L) not valid', bound);
        execute 'alter table consent_record validate constraint consent_record_initial_bound';
    end if;
    execute format('alter table consent_ledger add constraint consent_ledger_initial_bound'
                   ' check (recorded_at < %L) not valid', bound);
    execute 'alter table consent_ledger validate constraint consent_ledger_initial_bound';

    -- The tables become the initial partitions; their triggers move to the parents.
    alter table consent_record rename to consent_record_initial;
    alter index consent_record_pkey rename to consent_record_initial_pkey;
    alter index consent_record_site_time rename to consent_record_initial_site_time;
    alter index consent_record_visitor rename to consent_record_initial_visitor;
    drop trigger consent_record_is_append_only on consent_record_initial;
    drop trigger consent_record_is_queued_for_ledger on consent_record_initial;

    alter table consent_ledger rename to consent_ledger_initial;
    alter index consent_ledger_pkey rename to consent_ledger_initial_pkey;
    alter index consent_ledger_record_id_key rename to consent_ledger_initial_record_id_key;
    drop trigger consent_ledger_is_append_only on consent_ledger_initial;

    -- Same columns and CHECK constraints (attach matches them by name), without the initial bound.
    create table consent_record (like consent_record_initial including defaults including constraints)
        partition by range (recorded_at);
    alter table consent_record drop constraint consent_record_initial_bound;
    alter table consent_record add constraint consent_record_site_id_policy_version_id_fkey
        foreign key (site_id, policy_version_id)
        references policy_version (site_id, id);
    -- Equal to the initial partition's, which the attach adopts instead of building.
    create index consent_record_site_time on consent_record (site_id, recorded_at);
    create index consent_record_visitor on consent_record (site_id, visitor_id, recorded_at);

    create table consent_ledger (like consent_ledger_initial including defaults including constraints)
        partition by range (recorded_at);
    alter table consent_ledger drop constraint consent_ledger_initial_bound;
    alter table consent_ledger alter column recorded_at drop default;
    alter table consent_ledger add constraint consent_ledger_site_id_fkey
        foreign key (site_id) references site (id);

    execute format('alter table consent_record attach partition consent_record_initial'
                   ' for values from (minvalue) to (%L)', bound);
    execute format('alter table consent_ledger attach partition consent_ledger_initial'
                   ' for values from (minvalue) to (%L)', bound);
end;
$$;

create trigger consent_record_is_append_only
    before update or delete on consent_record
    for each row execute function refuse_change_unless_deletion();
create trigger consent_record_is_queued_for_ledger
    after insert on consent_record
    for each row execute function queue_for_ledger();
create trigger consent_ledger_is_append_only
    before update or delete on consent_ledger
    for each row execute function refuse_change_unless_deletion();

-- Isolation and grants on the parents, as V6 and V19 gave the tables. The partitions are reached
-- only through their parents (whose policies and grants apply there): nobody but the owner has a
-- grant on a partition itself.
do $$
declare
    t text;
begin
    foreach t in array array['consent_record', 'consent_ledger'] loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy tenant_rows on %I using (site_id in (select consent_tenant_sites()))'
                       ' with check (site_id in (select consent_tenant_sites()))', t);
        execute format('create policy runtime_rows on %I to %I using (true) with check (true)',
                       t, '${runtime_role}');
        execute format('grant select, insert on %I to %I, consent_tenant', t, '${runtime_role}');
        execute format('revoke update, delete, truncate on %I from %I, consent_tenant', t, '${runtime_role}');
        execute format('revoke all on %I from %I, consent_tenant', t || '_initial', '${runtime_role}');
    end loop;
end;
$$;

-- The range partitions of a partitioned table with their bounds (the lower one -infinity for
-- MINVALUE); the default partition is not listed.
create function consent_partitions(p_parent regclass)
    returns table (name text, low timestamptz, high timestamptz)
    language sql stable
    set search_path = public, pg_temp
as $$
    select c.relname::text,
           coalesce(substring(b.bound from 'FROM \(''([^'']+)''\)')::timestamptz, '-infinity'),
           substring(b.bound from 'TO \(''([^'']+)''\)')::timestamptz
    from pg_inherits i join pg_class c on c.oid = i.inhrelid,
         lateral (select pg_get_expr(c.relpartbound, c.oid) as bound) b
    where i.inhparent = p_parent and b.bound <> 'DEFAULT'
$$;

-- Creates the month partitions of records and ledger entries from p_from's month for p_months more
-- months, those missing. Idempotent and safe on several instances at once (one at a time, the others
-- wait). A month that cannot be made now (its range is already covered, or the default partition
-- holds rows of it, or a lock is not granted within a second) is skipped: the default partition
-- keeps taking its records, so a decision never fails for a missing partition.
create function consent_create_partitions(p_from date, p_months integer)
    returns integer
    language plpgsql
    security definer
    set search_path = public, pg_temp
as $$
declare
    created integer := 0;
    starts timestamptz;
    ends timestamptz;
    suffix text;
begin
    if p_months < 0 or p_months > 120 then
        raise exception 'between 0 and 120 months ahead, not %', p_months
            using errcode = 'invalid_parameter_value';
    end if;
    perform pg_advisory_xact_lock(7322, 1);
    -- Creating a partition locks its parent: never queue visitors' inserts behind a long wait.
    perform set_config('lock_timeout', '1s', true);
    for i in 0 .. p_months loop
        starts := (date_trunc('month', p_from) + make_interval(months => i))::timestamp at time zone 'UTC';
        ends := starts + interval '1 month';
        suffix := to_char(starts at time zone 'UTC', 'YYYY_MM');
        -- The initial partition may end within the month: the month's partition takes the rest.
        starts := greatest(starts, (select max(p.high) from consent_partitions('consent_record') p
                                    where p.high > starts and p.high < ends));
        continue when exists (select from consent_partitions('consent_record') p
                              where p.low < ends and p.high > starts);
        begin
            execute format('create table %I partition of consent_record for values from (%L) to (%L)',
                           'consent_record_' || suffix, starts, ends);
            execute format('alter table %I add primary key (id)', 'consent_record_' || suffix);
            execute format('create table %I partition of consent_ledger for values from (%L) to (%L)',
                           'consent_ledger_' || suffix, starts, ends);
            execute format('alter table %I add primary key (site_id, seq), add unique (record_id)',
                           'consent_ledger_' || suffix);
            execute format('revoke all on %I, %I from %I, consent_tenant', 'consent_record_' || suffix,
                           'consent_ledger_' || suffix, '${runtime_role}');
            created := created + 1;
        exception
            when invalid_object_definition or check_violation or lock_not_available then
                raise warning 'partitions of % not created: %', suffix, sqlerrm;
        end;
    end loop;
    return created;
end;
$$;

-- Drops every month whose records are all past their tenants' retention and whose ledger entries
-- all lie behind their sites' retention checkpoints (so the signed checkpoint stands for them, as for
-- consent_expire's deletions), records and entries together; returns the partitions' names. Checked
-- with the partitions locked, so that no record or entry arrives in between; the erasure marks of
-- the records go with them, the tree's nodes with the next consent_expire of each site.
create function consent_drop_expired_partitions()
    returns setof text
    language plpgsql
    security definer
    set search_path = public, pg_temp
as $$
declare
    part record;
    ledger text;
    ready boolean;
begin
    if not pg_try_advisory_xact_lock(7322, 2) then
        return;
    end if;
    perform set_config('lock_timeout', '1s', true);
    for part in select p.name, p.high from consent_partitions('consent_record') p
                where p.high <= now() order by p.high loop
        ledger := replace(part.name, 'consent_record_', 'consent_ledger_');
        if not exists (select from consent_partitions('consent_ledger') l
                       where l.name = ledger and l.high = part.high) then
            raise warning 'partition % has no ledger partition %: kept', part.name, ledger;
            continue;
        end if;
        begin
            execute format('lock table %I, %I in access exclusive mode', part.name, ledger);
        exception when lock_not_available then
            raise warning 'partition % is in use: kept until the next turn', part.name;
            continue;
        end;
        execute format(
            'select not exists (select from site s join tenant t on t.id = s.tenant_id'
            ' where (exists (select from %1$I r where r.site_id = s.id)'
            '        or exists (select from %2$I l where l.site_id = s.id))'
            ' and (%3$L::timestamptz > now() - make_interval(days => t.consent_retention_days)'
            '      or exists (select from consent_ledger_pending p'
            '                 where p.site_id = s.id and p.recorded_at < %3$L)'
            '      or coalesce((select max(l.seq) from %2$I l where l.site_id = s.id), 0)'
            '         > coalesce((select max(c.seq) from consent_ledger_checkpoint c'
            '                     where c.site_id = s.id), 0)))',
            part.name, ledger, part.high) into ready;
        continue when not ready;
        execute format('delete from consent_erasure where record_id in (select record_id from %I)',
                       ledger);
        execute format('drop table %I, %I', part.name, ledger);
        return next part.name;
    end loop;
end;
$$;

revoke all on function consent_create_partitions(date, integer) from public;
revoke all on function consent_drop_expired_partitions() from public;
do $$
begin
    execute format('grant execute on function consent_create_partitions(date, integer) to %I', '${runtime_role}');
    execute format('grant execute on function consent_drop_expired_partitions() to %I', '${runtime_role}');
end;
$$;

-- A default partition of each, normally empty: it takes what no month partition covers yet.
create table consent_record_default partition of consent_record default;
alter table consent_record_default add primary key (id);
create table consent_ledger_default partition of consent_ledger default;
alter table consent_ledger_default add primary key (site_id, seq), add unique (record_id);
do $$
begin
    execute format('revoke all on consent_record_default, consent_ledger_default from %I, consent_tenant',
                   '${runtime_role}');
end;
$$;

-- The months ahead exist from the start; the platform adds more every day (Partitions).
select consent_create_partitions((now() at time zone 'UTC')::date, 3);
