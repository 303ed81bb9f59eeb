-- A record edited by hand that its source changed since: the import keeps the hand edit (edited_at) and
-- reports the conflict; here it also keeps the source's version, so that the record's steward can resolve it
-- in the page — keep the hand edit, or take the source's values — instead of re-importing with
-- --on-conflict overwrite, which takes every record's. One open conflict per place: a later import's
-- version replaces an earlier one. Resolving removes the row (the history records what was done).
create table place_source_conflicts (
    place_id      bigint primary key,
    source        text not null,
    import_run    bigint,                 -- the run that found it (ortsanker.import_run of its transaction)
    reported_at   timestamptz not null default now(),
    import_hash   text not null,          -- the source's digest: taking or keeping it makes the next import quiet
    source_values jsonb not null,         -- the staged columns as the import would have written them, but geom
    source_geom   geometry not null
);

comment on table place_source_conflicts is 'the source''s version of a hand-edited place whose source changed since, until a steward resolves it';
