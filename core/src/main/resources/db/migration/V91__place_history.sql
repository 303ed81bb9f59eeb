-- Editing places with full history (geo-service de.ortsanker.editing). Every change of a place — by the
-- editing API, by an import's merge, by anything else — is a version: who (an account, when the API made
-- it), when, from where (api, import run, database), why (an optional comment) and what: the fields that
-- changed, each with its old and new value. Written by statement-level triggers from the statement's
-- transition tables (one set-based insert per statement, not a row trigger), so every writer is covered
-- and bulk imports stay set-based. A partition attached by a large source's first load fires no trigger:
-- its places start their history with their first change.

-- The organisation that owns a place (a club, an operator): an organisation editor edits the places of
-- theirs (accounts: Permissions). Not a source field: set by the editing API.
alter table places add column organisation text check (btrim(organisation) <> '' and char_length(organisation) <= 300);

create table place_versions (
    place_id    bigint not null,             -- places.id (no foreign key: places' key is (id, source))
    version     integer not null check (version > 0),
    at          timestamptz not null default now(),
    account_id  bigint references accounts (id),   -- who, when an account made it; never shown to the public
    origin      text not null check (origin in ('api', 'web', 'ogc', 'import', 'database')),
    import_run  bigint,                      -- import_runs.id when an import made it
    comment     text check (char_length(comment) <= 2000),
    changes     jsonb not null,              -- {"field": {"old": …, "new": …}, …}; geometry as GeoJSON
    primary key (place_id, version)
);
create index place_versions_account on place_versions (account_id) where account_id is not null;

comment on table place_versions is 'every change of a place: who, when, from where, why, and the fields that changed (old and new)';

-- A place row as its history compares it: every column a person or a source gives, the geometry as GeoJSON;
-- not what is derived (name_folded, geog), nor bookkeeping (id, digests, timestamps, edit marks).
create function place_state(p jsonb, geom geometry) returns jsonb
    language sql immutable parallel safe
as $$
    select (p - array['id', 'name_folded', 'geog', 'geom', 'import_hash', 'edited_at', 'edited_by', 'created_at',
                      'updated_at'])
           || jsonb_build_object('geometry', ST_AsGeoJSON(geom, 9)::jsonb)
$$;

-- The fields that differ between two states, each with its old and new value ('{}' when none).
create function place_changes(old_state jsonb, new_state jsonb) returns jsonb
    language sql immutable parallel safe
as $$
    select coalesce(jsonb_object_agg(k, jsonb_build_object('old', old_state -> k, 'new', new_state -> k)), '{}')
      from (select jsonb_object_keys(coalesce(old_state, '{}')) union select jsonb_object_keys(new_state)) keys(k)
     where (old_state -> k) is distinct from (new_state -> k)
       and not ((old_state -> k) is null and (new_state -> k) = 'null'::jsonb)
$$;

-- Who and from where, as the writer said for its transaction (set_config(…, true)); else a plain database write.
create function place_versions_record() returns trigger
    language plpgsql
as $$
declare
    v_account bigint := nullif(current_setting('ortsanker.account', true), '')::bigint;
    v_run bigint := nullif(current_setting('ortsanker.import_run', true), '')::bigint;
    v_origin text := coalesce(nullif(current_setting('ortsanker.origin', true), ''),
                              case when v_run is not null then 'import' else 'database' end);
    v_comment text := nullif(current_setting('ortsanker.comment', true), '');
begin
    if tg_op = 'INSERT' then
        insert into place_versions (place_id, version, account_id, origin, import_run, comment, changes)
        select n.id, coalesce((select max(v.version) from place_versions v where v.place_id = n.id), 0) + 1,
               v_account, v_origin, v_run, v_comment,
               place_changes(null, place_state(to_jsonb(n), n.geom))
          from new_rows n;
    else
        insert into place_versions (place_id, version, account_id, origin, import_run, comment, changes)
        select c.id, coalesce((select max(v.version) from place_versions v where v.place_id = c.id), 0) + 1,
               v_account, v_origin, v_run, v_comment, c.changes
          from (select n.id, place_changes(place_state(to_jsonb(o), o.geom), place_state(to_jsonb(n), n.geom))
                       as changes
                  from new_rows n join old_rows o on o.id = n.id) c
         where c.changes <> '{}';
    end if;
    return null;
end
$$;

create trigger places_history_insert after insert on places
    referencing new table as new_rows for each statement execute function place_versions_record();
create trigger places_history_update after update on places
    referencing old table as old_rows new table as new_rows
    for each statement execute function place_versions_record();
