-- One row per import: what was read, what it changed, and what was rejected and why.
create table import_runs (
    id           bigint generated always as identity primary key,
    source       text not null,
    file_name    text,
    format       text,
    checksum     text,                -- SHA-256 of the input, hex
    licence      text,
    attribution  text,
    options      jsonb not null default '{}',
    status       text not null default 'running'
                     check (status in ('running', 'succeeded', 'failed', 'aborted', 'dry_run')),
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    added        integer not null default 0 check (added >= 0),
    updated      integer not null default 0 check (updated >= 0),
    unchanged    integer not null default 0 check (unchanged >= 0),
    retired      integer not null default 0 check (retired >= 0),
    rejected     integer not null default 0 check (rejected >= 0),
    conflicts    integer not null default 0 check (conflicts >= 0),
    -- [{ "file", "line" | "feature", "field", "reason" }, …]
    error_report jsonb not null default '[]' check (jsonb_typeof(error_report) = 'array'),

    constraint import_runs_finished_after_start check (finished_at >= started_at),
    constraint import_runs_finished_when_done check ((status = 'running') = (finished_at is null))
);

create index import_runs_source_idx on import_runs (source, started_at desc);
