-- What a row of places costs to write, part by part: 100,000 synthetic pubs inserted into copies of
-- places (its columns, generated columns and indexes, in a scratch table), taking away one index at a
-- time, then with the rule trigger alone. Run in a migrated database:
--   psql -d ortsanker_bench_imports -f bench/imports/places-write-cost.sql
\set ON_ERROR_STOP on
create temp table rows_to_write as
select g, 'pub'::text as kind, 'Gasthaus ' || g as name,
       ST_SetSRID(ST_Point(6 + random() * 9, 47.5 + random() * 7), 4326) as geom
  from generate_series(1, 100000) g;
create table places_write_cost (like places including all);

do $$
declare
    ix text;
    t0 timestamptz;
    write text := 'insert into places_write_cost (kind, name, geom, source, source_id, licence, attribution,'
        || ' import_hash) select kind, name, geom, ''cost'', g::text, ''x'', ''x'', md5(g::text) from rows_to_write';
begin
    for ix in select indexname from pg_indexes where tablename = 'places_write_cost'
               and indexname not like '%pkey' and indexname not like '%source_id_key' order by indexname loop
        truncate places_write_cost;
        t0 := clock_timestamp();
        execute write;
        raise notice '% ms with every index down to %', round(1000 * extract(epoch from clock_timestamp() - t0)), ix;
        execute 'drop index ' || ix;
    end loop;
    truncate places_write_cost;
    t0 := clock_timestamp();
    execute write;
    raise notice '% ms with the key indexes only', round(1000 * extract(epoch from clock_timestamp() - t0));
    create trigger places_conform before insert on places_write_cost
        for each row execute function places_conform();
    truncate places_write_cost;
    t0 := clock_timestamp();
    execute write;
    raise notice '% ms with the key indexes and the rule trigger', round(1000 * extract(epoch from clock_timestamp() - t0));
end $$;

drop table places_write_cost;
