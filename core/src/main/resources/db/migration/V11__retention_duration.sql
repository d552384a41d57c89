-- A cookie's retention becomes a duration (unit and amount) that each language renders in its own
-- words, with an optional note per language, instead of one free text shared by every language.
alter table cookie
    add column retention_unit   text,
    add column retention_amount integer,
    add column retention_notes  jsonb not null default '{}';

-- The free texts that read as a duration (English or French, as the Java parser reads them).
update cookie
   set retention_unit = 'SESSION'
 where lower(regexp_replace(btrim(retention), '\s+', ' ', 'g')) in (
       'session', 'session cookie', 'browser session', 'end of session', 'end of the session',
       'end of session (browser)',
       'until the end of the session', 'durée de la session', 'duree de la session',
       'fin de session', 'fin de la session', 'le temps de la session', 'cookie de session');

with parsed as (
    select id, m[1]::integer as amount,
           case m[2]
               when 'min' then 'MINUTES' when 'mins' then 'MINUTES' when 'minute' then 'MINUTES'
               when 'minutes' then 'MINUTES' when 'mn' then 'MINUTES'
               when 'h' then 'HOURS' when 'hr' then 'HOURS' when 'hrs' then 'HOURS'
               when 'hour' then 'HOURS' when 'hours' then 'HOURS' when 'heure' then 'HOURS'
               when 'heures' then 'HOURS'
               when 'd' then 'DAYS' when 'day' then 'DAYS' when 'days' then 'DAYS'
               when 'j' then 'DAYS' when 'jour' then 'DAYS' when 'jours' then 'DAYS'
               when 'w' then 'WEEKS' when 'wk' then 'WEEKS' when 'wks' then 'WEEKS'
               when 'week' then 'WEEKS' when 'weeks' then 'WEEKS' when 'semaine' then 'WEEKS'
               when 'semaines' then 'WEEKS'
               when 'mo' then 'MONTHS' when 'month' then 'MONTHS' when 'months' then 'MONTHS'
               when 'mois' then 'MONTHS'
               when 'y' then 'YEARS' when 'yr' then 'YEARS' when 'yrs' then 'YEARS'
               when 'year' then 'YEARS' when 'years' then 'YEARS' when 'an' then 'YEARS'
               when 'ans' then 'YEARS' when 'année' then 'YEARS' when 'années' then 'YEARS'
               when 'annee' then 'YEARS' when 'annees' then 'YEARS'
           end as unit
      from (select id,
                   regexp_match(lower(regexp_replace(btrim(retention), '\s+', ' ', 'g')),
                                '^([0-9]{1,4}) ?([[:alpha:]]+)\.?$') as m
              from cookie
             where retention_unit is null) candidates
     where m is not null)
update cookie c
   set retention_unit = p.unit, retention_amount = p.amount
  from parsed p
 where p.id = c.id and p.unit is not null and p.amount between 1 and 1000;

-- The rest is kept as it was written, as a note in the site's default language.
update cookie c
   set retention_notes = jsonb_build_object(s.default_language, btrim(c.retention))
  from site s
 where s.id = c.site_id and c.retention_unit is null and btrim(c.retention) <> '';

alter table cookie drop column retention;

alter table cookie add constraint cookie_retention_duration check (
    (retention_unit is null and retention_amount is null)
    or (retention_unit = 'SESSION' and retention_amount is null)
    or (retention_unit in ('MINUTES', 'HOURS', 'DAYS', 'WEEKS', 'MONTHS', 'YEARS')
        and retention_amount between 1 and 1000));
