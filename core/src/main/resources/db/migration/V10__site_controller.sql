-- Who is responsible for a site's processing of personal data, and how to reach them: shown on the
-- public cookie policy page when filled in. Operational settings of the site, not part of any
-- published version (a change asks no visitor again). SiteContact checks the same limits for both
-- doors.
alter table site
    add column controller_name    text check (length(controller_name) between 1 and 200),
    add column controller_address text check (length(controller_address) between 1 and 500),
    add column controller_contact text check (length(controller_contact) between 1 and 320),
    add column dpo_contact        text check (length(dpo_contact) between 1 and 320);
