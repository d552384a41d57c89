-- Two more purposes of one-time links (issue 15, point 7): an owner's password-reset link for a
-- member of their tenant, which names that tenant so that its isolation policy covers it, and the
-- first owner's set-up link, printed in the log of a platform on its own database instead of a
-- password, which belongs to no tenant (it is made and used under the platform's own role).
alter table one_time_link drop constraint one_time_link_purpose_check;
alter table one_time_link add constraint one_time_link_purpose_check
    check (purpose in ('INVITATION', 'PASSWORD_RESET', 'MEMBER_RESET', 'FIRST_OWNER_SETUP'));
alter table one_time_link drop constraint one_time_link_check;
alter table one_time_link add constraint one_time_link_check
    check (purpose in ('PASSWORD_RESET', 'FIRST_OWNER_SETUP') or tenant_id is not null);
