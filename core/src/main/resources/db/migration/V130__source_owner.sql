-- A source's owner (issue 17, "sources are identities": municipality AGS + kind + owner). Who a source belongs
-- to — an organisation (as places.organisation and the organisation_editor role name it) or an account
-- ('account:<login>') — is recorded with each import run; a run whose owner differs from the source's last
-- successful run is refused like one whose licence or attribution differs (--source, --replace-source).
alter table import_runs add column owner text
    check (owner is null or (char_length(owner) between 1 and 300 and owner !~ '[[:cntrl:]]'));

comment on column import_runs.owner is
    'who the source belongs to: an organisation, or account:<login>; null when the run named none';
