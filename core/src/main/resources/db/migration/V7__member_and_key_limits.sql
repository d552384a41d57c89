-- The limits of a member's sign-in subject and e-mail and of an API key's name, which NewMember and
-- NewApiKey check for both doors, held by the database too.
alter table tenant_member
    add constraint tenant_member_subject_length check (length(subject) between 1 and 255),
    add constraint tenant_member_email_length check (length(email) between 3 and 320);
alter table api_key
    add constraint api_key_name_length check (length(name) between 1 and 100);
