-- Jurisdictions (issue 17): the experience each visitor gets by region.
--
-- A site's rules and refusal interval are draft settings, frozen into each published version's
-- snapshot like texts and cookies. Sites made before keep what their visitors had, everyone asked
-- first; a refusal was remembered as long as a consent, so the interval starts at six months (184
-- days, the longest six calendar months) or the consent lifetime if longer. New sites get the
-- platform's default rules from the application (Site.regionRules).
alter table site
    add column region_rules jsonb not null default '{"rules":[],"otherwise":"opt-in"}',
    add column refusal_lifetime_days integer not null default 184
        check (refusal_lifetime_days between 184 and 395);
update site set refusal_lifetime_days = greatest(184, consent_lifetime_days);

-- Where visitors opt out, a sensitive category still waits for their consent.
alter table category add column sensitive boolean not null default false;

-- Each record says where the visitor was (country, or country and subdivision: never more
-- precise) and which experience applied; both null on records made before.
alter table consent_record
    add column region text check (region ~ '^[A-Z]{2}(-[A-Z0-9]{1,3})?$'),
    add column experience text check (experience in ('OPT_IN', 'OPT_OUT', 'NOTICE', 'NONE'));

-- A decision the banner recorded from the browser's opt-out preference signal, without a click.
alter table consent_record drop constraint consent_record_method_check;
alter table consent_record
    add constraint consent_record_method_check
        check (method in ('BANNER', 'SETTINGS', 'API', 'SIGNAL'));
