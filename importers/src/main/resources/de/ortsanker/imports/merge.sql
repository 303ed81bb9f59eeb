-- How a run's staged rows become the data: one transaction, set-based. Placeholders in braces are
-- identifiers the code fills in ({target} table, {staging} table, {key} column, {columns} the data
-- columns, {s_columns} the same prefixed with "s."); values are always parameters.

-- name: duplicates
-- Records sharing a key with an earlier record of the same file: the first one counts. (Finding the keys
-- first by hashing is much cheaper than ranking every row of a large file.)
select seq, source_key, origin, first_origin
  from (select seq, source_key, origin,
               row_number() over w as n, first_value(origin) over w as first_origin
          from {staging}
         where source_key in (select source_key from {staging} group by source_key having count(*) > 1)
        window w as (partition by source_key order by seq)) d
 where n > 1
 order by seq

-- name: drop-duplicates
delete from {staging} where seq = any (?)

-- name: changed-by-hand
-- Records edited by hand whose source changed since (or that came back): the hand edit stays.
select s.source_key, s.origin, t.edited_at
  from {staging} s
  join {target} t on t.source = ? and t.{key} = s.source_key
 where t.edited_at is not null
   and (t.import_hash is distinct from s.import_hash or t.retired_at is not null)
 order by s.seq

-- name: keep-source-version
-- The source's version of each record edited by hand whose source changed since, kept for its steward to
-- resolve (V120; places only): one row per place, a later run's version replacing an earlier one.
insert into place_source_conflicts (place_id, source, import_run, import_hash, source_values, source_geom)
select t.id, t.source, nullif(current_setting('ortsanker.import_run', true), '')::bigint, s.import_hash,
       to_jsonb(s) - array['seq', 'origin', 'source_key', 'import_hash', 'geom'], s.geom
  from {staging} s
  join {target} t on t.source = ? and t.{key} = s.source_key
 where t.edited_at is not null
   and (t.import_hash is distinct from s.import_hash or t.retired_at is not null)
on conflict (place_id) do update
   set import_run = excluded.import_run, reported_at = now(), import_hash = excluded.import_hash,
       source_values = excluded.source_values, source_geom = excluded.source_geom

-- name: gone-but-edited
-- Records edited by hand that are gone from a complete source: kept, reported.
select t.{key}, t.edited_at
  from {target} t
 where t.source = ? and t.retired_at is null and t.edited_at is not null
   and not exists (select 1 from {staging} s where s.source_key = t.{key})
 order by t.{key}

-- name: update
-- Changed records, and retired ones that are back. {unless_edited} keeps hand edits unless told otherwise.
-- A record retired as the stand-in of another ({not_linked}) is not back: unchanged, it stays linked.
update {target} t
   set ({columns}, import_hash, retired_at) = ({s_columns}, s.import_hash, null){overwrite}
  from {staging} s
 where t.source = ? and t.{key} = s.source_key
   and (t.import_hash is distinct from s.import_hash or (t.retired_at is not null{not_linked}))
   {unless_edited}

-- name: insert
-- New records, in the order of the file (the staging table's physical order: no sort needed).
insert into {target} (source, {key}, {columns}, import_hash)
select ?, s.source_key, {s_columns}, s.import_hash
  from {staging} s
 where not exists (select 1 from {target} t where t.source = ? and t.{key} = s.source_key)

-- name: insert-all
-- A source's first import: every staged record is new.
insert into {target} (source, {key}, {columns}, import_hash)
select ?, s.source_key, {s_columns}, s.import_hash
  from {staging} s

-- name: existing
-- Whether the source has records in the table yet (the merge of a first import is a plain insert; a
-- large one loads a partition of its own).
select exists (select 1 from {target} where source = ?)

-- name: retire
-- Records gone from a complete source: kept, marked retired (hidden from maps), never deleted.
update {target} t
   set retired_at = now()
 where t.source = ? and t.retired_at is null
   and not exists (select 1 from {staging} s where s.source_key = t.{key})
   {unless_edited}

-- name: unlink-gone
-- Records linked to another that are gone from a complete source: no longer anyone's stand-in, and never
-- brought back when the other goes.
update {target} t
   set superseded_by = null
 where t.source = ? and t.superseded_by is not null
   and not exists (select 1 from {staging} s where s.source_key = t.{key})

-- name: staged
select count(*) from {staging}
