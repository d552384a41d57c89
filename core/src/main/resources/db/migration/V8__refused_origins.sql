-- Decisions refused because they came from a page whose origin the site does not declare, so that
-- the back office can name the page to declare. One row per site, day and origin (RefusedOrigins
-- caps the origins a site collects per day and removes rows after 30 days).
create table refused_origin (
    site_id    bigint       not null references site (id) on delete cascade,
    day        date         not null,
    origin     varchar(255) not null,
    refused    bigint       not null check (refused > 0),
    last_seen  timestamptz  not null,
    primary key (site_id, day, origin)
);

-- A tenant sees only its own sites' rows, like every table of V6.
alter table refused_origin enable row level security;
create policy tenant_rows on refused_origin
    using (site_id in (select consent_tenant_sites()))
    with check (site_id in (select consent_tenant_sites()));
grant select, insert, update, delete on refused_origin to consent_tenant;
