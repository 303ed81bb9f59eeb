-- The bookkeeping of import runs (import_runs). Advisory locks use two keys: the lock's purpose within
-- this schema (advisory locks are database-wide; schemas with their own data, like test schemas, must
-- not block each other) and the run id or the source's hash.

-- name: running
select id from import_runs where status = 'running' order by id

-- name: fail-abandoned
update import_runs
   set status = 'failed', finished_at = greatest(now(), started_at), phase = 'done',
       error_report = error_report || ?::jsonb
 where id = ? and status = 'running'

-- name: last-checksum
select checksum from import_runs
 where source = ? and status = 'succeeded'
 order by finished_at desc
 limit 1

-- name: start
insert into import_runs (source, file_name, format, licence, attribution, options, status, phase,
                         bytes_total, progress_at, origin, owner)
values (?, ?, ?, ?, ?, ?::jsonb, 'running', 'reading', ?, now(), ?, ?)
returning id

-- name: run-lock
select pg_try_advisory_lock(hashtext('ortsanker.import-run:' || current_schema()), (? % 2147483647)::int)

-- name: run-unlock
select pg_advisory_unlock(hashtext('ortsanker.import-run:' || current_schema()), (? % 2147483647)::int)

-- name: source-lock
select pg_try_advisory_lock(hashtext('ortsanker.import-source:' || current_schema()), hashtext(?))

-- name: source-unlock
select pg_advisory_unlock(hashtext('ortsanker.import-source:' || current_schema()), hashtext(?))

-- name: progress
update import_runs set phase = ?, features_read = ?, bytes_read = ?, progress_at = now()
 where id = ? and status = 'running'

-- name: finish
update import_runs
   set status = ?, finished_at = greatest(clock_timestamp(), started_at), phase = 'done', checksum = ?,
       added = ?, updated = ?, unchanged = ?, retired = ?, rejected = ?, conflicts = ?, skipped = ?,
       error_report = ?::jsonb, stats = ?::jsonb, features_read = ?, bytes_read = ?, progress_at = now()
 where id = ?

-- name: last-identity
-- What the source's last successful run said it was: a new run that differs is another source.
select file_name, format, licence, attribution, origin, owner from import_runs
 where source = ? and status = 'succeeded'
 order by finished_at desc, id desc
 limit 1

-- name: owner-account
-- An account named as a source's owner (account:<login>): it must exist (disabled ones still own their sources).
select 1 from accounts where login = ?
