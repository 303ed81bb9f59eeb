-- One id per layer everywhere: a kind group's code becomes the id of the layer that publishes it (the OGC
-- collection id), so that group codes and kind codes no longer overlap ('club' was both a group and a kind,
-- and `kinds=club` meant the group in one endpoint and the kind in another). The data versions of the
-- place layers follow, since caches key on them by layer id.

alter table kinds drop constraint kinds_group_code_fkey;

create temporary table layer_rename (old_code text primary key, new_code text not null) on commit drop;
insert into layer_rename values
    ('third_place',  'third_places'),
    ('club',         'clubs'),
    ('meeting_room', 'meeting_rooms'),
    ('vacant',       'vacant_buildings');

update kind_groups g set code = r.new_code from layer_rename r where g.code = r.old_code;
update kinds k set group_code = r.new_code from layer_rename r where k.group_code = r.old_code;
update data_versions v set layer = r.new_code, version = v.version + 1, changed_at = clock_timestamp()
  from layer_rename r where v.layer = r.old_code;

alter table kinds add constraint kinds_group_code_fkey foreign key (group_code) references kind_groups (code)
    on update cascade;

-- "Public today" is one rule (de.ortsanker.filter.PublicPlaces): not retired, public, and valid on the day —
-- both ends of the validity period. Counting a collection's public places (numberMatched) still needs only
-- this index when it holds both ends.
drop index places_public_kind_idx;
create index places_public_kind_idx on places (kind, valid_to, valid_from) where retired_at is null and is_public;
