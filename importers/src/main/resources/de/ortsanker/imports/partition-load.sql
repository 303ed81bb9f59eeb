-- A large source's first import as a partition of places of its own (PartitionLoad). Identifiers and
-- the source name reach DDL only through format() (%I, %L): the server quotes them.

-- name: create-tables
-- The partition-to-be (places' columns, defaults, generated columns and checks, plus the partition
-- bound as a check so that attaching needs no validation scan) and its keys, for the duplicate report.
select format('create table %I (like places including defaults including generated including constraints,'
              ' constraint places_partition_source check (source = %L))', ?, ?),
       format('create unlogged table %I (seq bigint, origin text, source_key text, import_hash text)', ?)

-- name: copy-rows
select format('copy %I (source, source_id, import_hash, %s) from stdin', ?, ?)

-- name: copy-keys
select format('copy %I (seq, origin, source_key, import_hash) from stdin', ?)

-- name: delete-repeated
-- Rows whose key came earlier in the file: the first stays. The keys table holds, by now, only the
-- first record of each key (Merge dropped the later ones); two COPY streams filled the partition in no
-- particular order, so the first is the row with its digest (of identical repeats, any one).
delete from {partition} p
 using {keys} k
 where k.source_key = any (?) and p.source_id = k.source_key
   and (p.import_hash is distinct from k.import_hash
        or p.ctid <> (select min(q.ctid) from {partition} q
                       where q.source_id = k.source_key and q.import_hash = k.import_hash))

-- name: index-definitions
-- places' indexes (partitioned, V60) as statements for the new table, each named <table>_<n>, and for
-- the primary and the unique key the constraint it backs (a matching index attaches as-is, a key's only
-- when it backs the same kind of constraint; added after all builds, as it locks the table). PostGIS
-- sorts geometry for a fast GiST build but not geography, whose buffered build is the faster one (an
-- index's storage options need not match to attach). The costly GiST and GIN builds first, so that two
-- builders finish close together.
select indexname, name,
       regexp_replace(indexdef, '^CREATE (UNIQUE )?INDEX \S+ ON ONLY \S+ ',
                      'CREATE \1INDEX ' || quote_ident(name) || ' ON ' || quote_ident(?) || ' ')
       || case when indexdef ~ ' USING gist \(geog\)$' then ' with (buffering = on)' else '' end,
       case when contype is not null
            then format('alter table %I add constraint %I %s using index %I', ?, name,
                        case contype when 'p' then 'primary key' else 'unique' end, name)
       end
  from (select i.indexname, i.indexdef, c.contype, ? || '_' || row_number() over (order by i.indexname) as name
          from pg_indexes i
          left join pg_constraint c on c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass
                                   and c.contype in ('p', 'u')
         where i.schemaname = current_schema() and i.tablename = 'places') i
 order by indexdef !~ ' USING (gist|gin) ', indexname

-- name: assert-conforming
-- Fails (check_violation) naming the first row the places_conform trigger would refuse (V60).
select format('select places_assert_conforming(%L)', ?)

-- name: add-kind-key
-- The foreign key places has, added before attaching so that the attach need not check row by row.
select format('alter table %I add foreign key (kind) references kinds (code)', ?)

-- name: partition-name
-- places_<source, as letters and digits>_<digest>: readable, and distinct for sources that read alike.
select 'places_' || left(trim(both '_' from regexp_replace(lower(?), '[^a-z0-9]+', '_', 'g')), 24)
       || '_' || left(md5(?), 6)

-- name: existing-partition
-- A partition left from earlier imports of the source (its records deleted since): replaced.
select c.relname
  from pg_inherits h
  join pg_class c on c.oid = h.inhrelid
 where h.inhparent = 'places'::regclass and pg_get_expr(c.relpartbound, c.oid) = format('FOR VALUES IN (%L)', ?)

-- name: drop-table
select format('drop table %I', ?)

-- name: attach
select format('alter table %I rename to %I', ?, ?),
       format('alter table places attach partition %I for values in (%L)', ?, ?)

-- name: rename-index
select format('alter index %I rename to %I', ?, ?)

-- name: bump-versions
-- Attaching fires no insert trigger: the layers of the kinds the partition holds get their new version
-- here, in the same transaction (V5: caches key on it).
update data_versions set version = version + 1, changed_at = clock_timestamp()
 where layer in (select k.group_code from kinds k where exists (select 1 from {partition} p where p.kind = k.code))
