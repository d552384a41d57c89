-- The audit trail and a publication record who acted as an issuer-qualified subject (actor,
-- published_by); the e-mail shown beside it moves to a column of its own, so that what an owner
-- typed when adding a member never stands for who acted. Rows from before keep their e-mail in
-- actor / published_by, which is all they knew.
alter table audit_entry add column actor_email text;
alter table policy_version add column published_by_email text;
