-- What a conditional request (If-None-Match) costs the database: the data versions.
select layer, version, changed_at from data_versions;
