-- A runtime role that cannot rewrite history (issue 16, part 4).
--
-- Migrations run as the owner role, which owns every table (Flyway's own credentials); the
-- application connects as the runtime role ${runtime_role} (the datasource's user), which owns
-- nothing, so it can neither alter a table nor disable its triggers. On proof of consent it may
-- only read and add: no UPDATE, DELETE or TRUNCATE. Retention and erasure remove proof through the
-- SECURITY DEFINER functions below, owned by the owner role, each doing exactly its one job and
-- checking that it is due.
--
-- A later migration that creates a proof table revokes UPDATE and DELETE on it from the runtime role
-- and from consent_tenant (the default privileges below grant them on every new table).

do $$
declare
    runtime text := '${runtime_role}';
    t record;
begin
    if runtime = '' or not exists (select from pg_roles where rolname = runtime) then
        raise exception 'The runtime role "%" does not exist: create it first (docs/deploy.md, Database roles)', runtime;
    end if;
    if runtime = current_user then
        raise exception 'Migrations run as the runtime role %: give Flyway the owner role''s credentials (quarkus.flyway.username and password; docs/deploy.md, Database roles)', runtime;
    end if;
    if (select rolsuper or rolbypassrls from pg_roles where rolname = runtime) then
        raise exception 'The runtime role % is a superuser or bypasses row-level security: it must be an ordinary role', runtime;
    end if;
    if exists (select from pg_class where relowner = runtime::regrole
               and relnamespace = 'public'::regnamespace) then
        raise exception 'The runtime role % owns tables: make the owner role own them first (docs/deploy.md, Database roles)', runtime;
    end if;

    execute format('grant usage on schema public to %I', runtime);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', runtime);
    execute format('grant usage, select on all sequences in schema public to %I', runtime);
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', runtime);
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', runtime);
    execute format('revoke all on flyway_schema_history from %I', runtime);
    -- Tenant-confined transactions take this role (TenantIsolation).
    execute format('grant consent_tenant to %I', runtime);
    -- The work that spans tenants by design (TenantIsolation lists it) ran as the tables' owner,
    -- which row-level security does not confine; the runtime role owns nothing, so it gets a
    -- policy of its own on every confined table. consent_tenant, once taken, still has only its
    -- tenant's rows. A later migration that confines a table adds the same policy.
    for t in select c.relname from pg_class c
             where c.relnamespace = 'public'::regnamespace and c.relrowsecurity loop
        execute format('create policy runtime_rows on %I to %I using (true) with check (true)',
                       t.relname, runtime);
    end loop;
end;
$$;

-- The tables of an installation whose owner changed (the embedded database's, before this version
-- owned by its superuser) lack the default privileges V6 gave consent_tenant: grant them again.
grant select, insert, update, delete on all tables in schema public to consent_tenant;
grant usage, select on all sequences in schema public to consent_tenant;
alter default privileges in schema public grant select, insert, update, delete on tables to consent_tenant;
alter default privileges in schema public grant usage, select on sequences to consent_tenant;
revoke all on flyway_schema_history from consent_tenant;

-- Proof of consent: read and add only, for the runtime role and for consent_tenant, which it can
-- take. Published policy versions are part of it: a receipt names the version it was given on.
do $$
declare
    t text;
begin
    foreach t in array array['consent_record', 'consent_ledger', 'consent_ledger_node',
                             'consent_ledger_head', 'consent_ledger_checkpoint', 'consent_erasure',
                             'policy_version'] loop
        execute format('revoke update, delete, truncate on %I from %I, consent_tenant', t, '${runtime_role}');
    end loop;
end;
$$;

-- A visitor's erasure: marks their records as erased (consent_erasure says why they are gone) and
-- deletes them; their ledger entries stay. Only records already sealed go: an entry must remain.
-- Called within a tenant-confined transaction, it reaches only that tenant's sites.
create function consent_erase_visitor(p_site_id bigint, p_visitor_id uuid, p_visitor_hash text,
                                      p_erased_by text)
    returns integer
    language plpgsql
    security definer
    set search_path = public, pg_temp
as $$
declare
    erased integer;
begin
    -- Under consent_tenant (set role, which a definer's function does not undo in the setting),
    -- only a site of the tenant named, and none when no tenant is named.
    if (consent_tenant_id() is not null or current_setting('role') <> 'none')
       and p_site_id not in (select consent_tenant_sites()) then
        raise exception 'site % is not the tenant''s', p_site_id
            using errcode = 'insufficient_privilege';
    end if;
    if exists (select from consent_record r where r.site_id = p_site_id
               and r.visitor_id = p_visitor_id
               and not exists (select from consent_ledger l where l.record_id = r.id)) then
        raise exception 'records of this visitor are not sealed yet: seal them first'
            using errcode = 'object_not_in_prerequisite_state';
    end if;
    -- The append-only triggers let a deletion through only when it says why (V4); the setting is
    -- cleared again below, and the caller may not delete proof either way.
    perform set_config('consent.deletion', 'erasure', true);
    insert into consent_erasure (record_id, site_id, visitor_hash, erased_at, erased_by)
        select id, site_id, p_visitor_hash, now(), p_erased_by from consent_record
        where site_id = p_site_id and visitor_id = p_visitor_id;
    delete from consent_record where site_id = p_site_id and visitor_id = p_visitor_id;
    get diagnostics erased = row_count;
    perform set_config('consent.deletion', '', true);
    return erased;
end;
$$;

-- Retention: removes a site's records, erasure marks, ledger entries and the tree's nodes within
-- the first p_through_seq leaves, once a
-- checkpoint at that entry keeps where verification of the rest starts, and only if every record
-- removed is past its tenant's retention period by the database's clock (an hour of leeway for an
-- application server whose clock runs ahead).
create function consent_expire(p_site_id bigint, p_through_seq bigint)
    returns bigint
    language plpgsql
    security definer
    set search_path = public, pg_temp
as $$
declare
    days integer;
    removed bigint;
begin
    if not exists (select from consent_ledger_checkpoint
                   where site_id = p_site_id and seq = p_through_seq) then
        raise exception 'no checkpoint at entry % of site %', p_through_seq, p_site_id
            using errcode = 'object_not_in_prerequisite_state';
    end if;
    select t.consent_retention_days into days from site s join tenant t on t.id = s.tenant_id
        where s.id = p_site_id;
    if exists (select from consent_ledger l join consent_record r on r.id = l.record_id
               where l.site_id = p_site_id and l.seq <= p_through_seq
               and r.recorded_at > now() - make_interval(days => days) + interval '1 hour') then
        raise exception 'records up to entry % of site % are not expired', p_through_seq, p_site_id
            using errcode = 'object_not_in_prerequisite_state';
    end if;
    perform set_config('consent.deletion', 'retention', true);
    delete from consent_record where id in
        (select record_id from consent_ledger where site_id = p_site_id and seq <= p_through_seq);
    delete from consent_erasure where record_id in
        (select record_id from consent_ledger where site_id = p_site_id and seq <= p_through_seq);
    delete from consent_ledger where site_id = p_site_id and seq <= p_through_seq;
    get diagnostics removed = row_count;
    -- The tree's nodes that lie wholly inside the removed prefix: the checkpoint's frontier stands
    -- for them.
    delete from consent_ledger_node
        where site_id = p_site_id and (idx + 1) << level <= p_through_seq;
    perform set_config('consent.deletion', '', true);
    return removed;
end;
$$;

revoke all on function consent_erase_visitor(bigint, uuid, text, text) from public;
revoke all on function consent_expire(bigint, bigint) from public;
grant execute on function consent_erase_visitor(bigint, uuid, text, text) to consent_tenant;
do $$
begin
    execute format('grant execute on function consent_erase_visitor(bigint, uuid, text, text) to %I', '${runtime_role}');
    execute format('grant execute on function consent_expire(bigint, bigint) to %I', '${runtime_role}');
end;
$$;
