-- A source is an identity, not a file name. Two towns' "vereine.csv" used to be one source: the second
-- import updated and retired the first town's clubs. The importer now compares a run with the source's
-- last successful run (licence, attribution, format) and refuses a different one unless told
-- (--source, --replace-source). For a source named after its file it also keeps the file's folder, so
-- that the same name from another folder is reported.
alter table import_runs add column origin text;

comment on column import_runs.origin is 'the folder the file was read from, for a source named after its file (else null)';
