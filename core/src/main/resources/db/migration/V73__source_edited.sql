-- When the source last edited a record is not when someone checked it. OpenStreetMap gives every element
-- the time of its last edit; until now the importer stored that as last_verified ("Zuletzt geprüft"), so a
-- pub untouched since 2012 read as checked in 2012. The edit date gets its own column; last_verified holds
-- only real checks (a source's "geprüft am", OSM's check_date / survey:date).
alter table places add column source_edited date;
alter table localities add column source_edited date;

comment on column places.source_edited is 'when the source last edited the record (OpenStreetMap: the element''s timestamp); not a check';
comment on column localities.source_edited is 'when the source last edited the record (OpenStreetMap: the element''s timestamp); not a check';

-- What the OSM importer stored before: its edit dates, where no check date was tagged. They are moved where
-- they belong; a re-import would do the same.
update places set source_edited = last_verified, last_verified = null
 where licence like 'ODbL%' and source_url like 'https://www.openstreetmap.org/%'
   and last_verified is not null;
update localities set source_edited = last_verified, last_verified = null
 where osm and last_verified is not null;
