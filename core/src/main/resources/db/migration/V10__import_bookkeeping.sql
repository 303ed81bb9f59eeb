-- Importers (V10–V19). Progress of a running import, visible to others while its transaction is
-- still open, and what an import needs to tell an unchanged record from a changed one.

alter table import_runs
    add column phase         text check (phase in ('reading', 'merging', 'done')),
    add column features_read bigint not null default 0 check (features_read >= 0),
    add column bytes_read    bigint check (bytes_read >= 0),
    add column bytes_total   bigint check (bytes_total >= 0),
    add column progress_at   timestamptz,
    -- Not rejected, not an error: e.g. a multipolygon cut by the edge of an OSM extract.
    add column skipped       integer not null default 0 check (skipped >= 0),
    -- Counts per target table and other numbers of the run (geocoding match quality …).
    add column stats         jsonb not null default '{}' check (jsonb_typeof(stats) = 'object');

-- Digest of the attributes last imported, as places.import_hash: equal digest, unchanged record.
alter table localities add column import_hash text;
alter table admin_areas add column import_hash text;

-- Cells gone from a later import of the same source are kept and marked, like every other record.
alter table population_cells
    add column import_hash text,
    add column updated_at  timestamptz not null default now(),
    add column retired_at  timestamptz;

create trigger population_cells_touch before update on population_cells
    for each row execute function touch_updated_at();
