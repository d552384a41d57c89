-- Tenant isolation in the database itself (row-level security), so that a query that forgets
-- "where tenant = ?" still cannot reach another tenant's rows.
--
-- Every operation a tenant makes (management API, back office) runs in a transaction that takes the
-- role consent_tenant and names its tenant in the setting consent.tenant_id (TenantIsolation in
-- core). The policies below let that role see and write only the rows of that tenant; with no
-- tenant named it sees nothing. The platform's own connecting role owns the tables and is not
-- subject to the policies: the work that spans tenants by design (visitors' requests found by site
-- key, the consent writer, ledger sealing, retention, the banner cache) runs under it, and
-- TenantIsolation lists those paths.
--
-- Creating a role needs the CREATEROLE privilege once; where the platform's database user may not
-- have it, an administrator runs the two statements of the block below beforehand.
do $$
begin
    if not exists (select from pg_roles where rolname = 'consent_tenant') then
        create role consent_tenant nologin;
    end if;
    execute format('grant consent_tenant to %I', current_user);
end;
$$;

grant usage on schema public to consent_tenant;
grant select, insert, update, delete on all tables in schema public to consent_tenant;
grant usage, select on all sequences in schema public to consent_tenant;
alter default privileges in schema public grant select, insert, update, delete on tables to consent_tenant;
alter default privileges in schema public grant usage, select on sequences to consent_tenant;

-- The tenant a transaction acts for; null (no row matches) when none was named.
create function consent_tenant_id() returns bigint language sql stable as $$
    select nullif(current_setting('consent.tenant_id', true), '')::bigint
$$;

-- The sites of that tenant: the rows of the tables below belong to a tenant through their site.
create function consent_tenant_sites() returns setof bigint language sql stable as $$
    select id from site where tenant_id = consent_tenant_id()
$$;

alter table tenant enable row level security;
create policy tenant_rows on tenant
    using (id = consent_tenant_id()) with check (id = consent_tenant_id());

do $$
declare
    t text;
begin
    foreach t in array array['tenant_member', 'site', 'api_key', 'audit_entry'] loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy tenant_rows on %I using (tenant_id = consent_tenant_id())'
                       ' with check (tenant_id = consent_tenant_id())', t);
    end loop;
    foreach t in array array['category', 'provider', 'cookie', 'policy_version', 'consent_record',
                             'banner_impression', 'consent_ledger', 'consent_ledger_pending',
                             'consent_ledger_checkpoint', 'consent_erasure'] loop
        execute format('alter table %I enable row level security', t);
        execute format('create policy tenant_rows on %I using (site_id in (select consent_tenant_sites()))'
                       ' with check (site_id in (select consent_tenant_sites()))', t);
    end loop;
end;
$$;
