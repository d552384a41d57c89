-- Bumped whenever a local account's sessions must end (sign-out, a new password): every session
-- cookie carries the version it was opened with and is refused once it differs.
alter table local_account add column session_version integer not null default 0;
