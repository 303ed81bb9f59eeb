-- What the places' history (V91: statement-level triggers writing place_versions) costs the writes that go
-- row by row into the live table (small sources, re-imports with changes, the editing API): 100,000
-- synthetic pubs inserted into places, then all of them changed (name) and retired, with the history
-- triggers on and off, best of 3. Run in a migrated database:
--   psql -d ortsanker_editing -f bench/editing/history-cost.sql
\set ON_ERROR_STOP on
\set QUIET on
create temp table rows_to_write as
select g, 'pub'::text as kind, 'Gasthaus ' || g as name,
       ST_SetSRID(ST_Point(6 + random() * 9, 47.5 + random() * 7), 4326) as geom
  from generate_series(1, 100000) g;

create temp table timings (history boolean, step text, ms numeric);

do $$
declare
    t0 timestamptz;
    history boolean;
    run int;
begin
    for run in 1..3 loop
        foreach history in array array[true, false] loop
            if not history then
                alter table places disable trigger places_history_insert;
                alter table places disable trigger places_history_update;
            end if;
            t0 := clock_timestamp();
            insert into places (kind, name, geom, source, source_id, licence, attribution, import_hash)
            select kind, name, geom, 'history-cost', g::text, 'x', 'x', md5(g::text) from rows_to_write;
            insert into timings values (history, 'insert', 1000 * extract(epoch from clock_timestamp() - t0));
            t0 := clock_timestamp();
            update places set name = name || ' (neu)' where source = 'history-cost';
            insert into timings values (history, 'update name', 1000 * extract(epoch from clock_timestamp() - t0));
            t0 := clock_timestamp();
            update places set retired_at = now() where source = 'history-cost';
            insert into timings values (history, 'retire', 1000 * extract(epoch from clock_timestamp() - t0));
            delete from place_versions where place_id in (select id from places where source = 'history-cost');
            delete from places where source = 'history-cost';
            alter table places enable trigger places_history_insert;
            alter table places enable trigger places_history_update;
        end loop;
    end loop;
end
$$;

select step, round(min(ms) filter (where history)) as with_history_ms,
       round(min(ms) filter (where not history)) as without_ms,
       round(min(ms) filter (where history) / min(ms) filter (where not history), 2) as ratio
  from timings group by step order by min(ms) desc;
