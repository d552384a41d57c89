-- Sites are archived, never deleted: an archived site's banner stops and it records no new
-- decisions, while its proof of consent stays until retention removes it (Retention). The row
-- itself stays, so that its public key is never given to someone else (whose banner would then run
-- on pages that still embed the old snippet) and published versions stay immutable.
alter table site add column archived_at timestamptz;

-- The tenant API takes a site's id or its key in the same path segment (SiteRef: all digits is an
-- id), so a key must contain a letter. Sites created before this rule with an all-digit key keep
-- it, by id, so that nothing breaks: their public URLs still work and the API reaches them by id.
do $$
declare
    legacy text;
begin
    select string_agg(id::text, ', ' order by id) into legacy from site where site_key !~ '[a-z]';
    if legacy is null then
        alter table site add constraint site_key_has_a_letter check (site_key ~ '[a-z]');
    else
        raise notice 'Sites % keep their all-digit keys; new keys need a letter', legacy;
        execute format('alter table site add constraint site_key_has_a_letter'
                       ' check (site_key ~ ''[a-z]'' or id in (%s))', legacy);
    end if;
end;
$$;
