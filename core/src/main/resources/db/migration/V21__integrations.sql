-- Integrations (issue 18): what the banner does beyond asking, part of each published version.
--
-- cookie_domain: the parent domain the preference cookie is written on, so that one decision holds
-- on every subdomain (null: the page's own host). vendor_signals: the vendors told of the choice;
-- sites made before keep what they had, Google Consent Mode. theme: colours, font, radius, layout
-- (null: the platform's look).
alter table site
    add column cookie_domain text,
    add column vendor_signals jsonb not null default '["google"]',
    add column theme jsonb;

-- Where a declared item lives, so that a refusal can remove it: a cookie, or a key of the page's
-- localStorage or sessionStorage. An HttpOnly cookie cannot be removed by the banner's script; the
-- policy page says how to remove it instead.
alter table cookie
    add column storage text not null default 'COOKIE'
        check (storage in ('COOKIE', 'LOCAL_STORAGE', 'SESSION_STORAGE')),
    add column http_only boolean not null default false;
