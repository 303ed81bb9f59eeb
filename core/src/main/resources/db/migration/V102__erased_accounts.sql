-- Erasing an account (DSGVO Art. 17; geo-service de.ortsanker.accounts.PersonalData) deletes it, its roles,
-- tokens and identities, but not the history of what it did: its place versions and audit events stay,
-- pseudonymised. A version then names a random pseudonym instead of the account (never the login, name or
-- address, nor anything they can be computed from), so a history still tells one editor from another.
alter table place_versions add column erased_editor text check (erased_editor ~ '^erased-[0-9a-f]{12}$');
alter table place_versions add constraint place_versions_one_editor check (account_id is null or erased_editor is null);
