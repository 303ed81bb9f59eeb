-- Planning answers are published on purpose (POST), no longer as a side effect of every GET. Each
-- publication is a run of its own, kept with its date, rules and area; per analysis and area one run is
-- current, and the OGC collections show the current runs only, so a portal never sees two runs mixed.

alter table planning_runs drop constraint planning_runs_latest;
alter table planning_runs rename column computed_at to published_at;
-- When a newer publication for the same analysis and area took its place; null while it is current.
alter table planning_runs add column superseded_at timestamptz;
-- The rules as the planner wrote them ("third_places:2000"), for the features and the list of runs.
alter table planning_runs add column rules text[] not null default '{}';

update planning_runs set rules = array(select r ->> 'rule' from jsonb_array_elements(inputs -> 'rules') r)
 where analysis = 'underserved';
update planning_runs set rules = array[inputs -> 'rule' ->> 'rule'] where analysis = 'candidates';

create unique index planning_runs_current on planning_runs (analysis, area_key) where superseded_at is null;

-- A run superseded or published changes what the collections show, even when it has no result rows.
create trigger planning_runs_version_insert after insert on planning_runs
    referencing new table as changed_rows for each statement execute function bump_table_layer('planning');
create trigger planning_runs_version_update after update on planning_runs
    referencing new table as changed_rows for each statement execute function bump_table_layer('planning');
