-- osm2pgsql (flex output) loading the same OSM objects the built-in mapping of our importer takes
-- (importers/src/main/resources/de/ortsanker/imports/osm/osm-mapping.yaml): places of the mapped kinds,
-- villages, administrative boundaries and addresses, each with its tags and geometry in WGS 84 — the
-- baseline of bench/imports/run.sh.

local places = osm2pgsql.define_table({
    name = 'bench_osm2pgsql_places', ids = { type = 'any', id_column = 'osm_id', type_column = 'osm_type' },
    columns = { { column = 'tags', type = 'jsonb' }, { column = 'geom', type = 'geometry', projection = 4326 } } })
local localities = osm2pgsql.define_table({
    name = 'bench_osm2pgsql_localities', ids = { type = 'any', id_column = 'osm_id', type_column = 'osm_type' },
    columns = { { column = 'tags', type = 'jsonb' }, { column = 'geom', type = 'point', projection = 4326 } } })
local boundaries = osm2pgsql.define_table({
    name = 'bench_osm2pgsql_boundaries', ids = { type = 'any', id_column = 'osm_id', type_column = 'osm_type' },
    columns = { { column = 'tags', type = 'jsonb' }, { column = 'geom', type = 'multipolygon', projection = 4326 } } })
local addresses = osm2pgsql.define_table({
    name = 'bench_osm2pgsql_addresses', ids = { type = 'any', id_column = 'osm_id', type_column = 'osm_type' },
    columns = { { column = 'tags', type = 'jsonb' }, { column = 'geom', type = 'point', projection = 4326 } } })

local function set(list)
    local s = {}
    for _, v in ipairs(list) do s[v] = true end
    return s
end

local amenities = set({ 'community_centre', 'social_centre', 'library', 'pub', 'bar', 'biergarten', 'cafe',
    'car_sharing', 'bicycle_rental', 'charging_station', 'doctors', 'dentist', 'pharmacy', 'clinic', 'hospital' })
local shops = set({ 'convenience', 'general', 'supermarket', 'farm', 'greengrocer', 'bakery', 'butcher', 'deli',
    'kiosk' })
local place_kinds = set({ 'city', 'town', 'village', 'hamlet', 'isolated_dwelling', 'suburb', 'quarter', 'locality' })
local admin_levels = set({ '4', '5', '6', '8' })

local function is_place(t)
    if amenities[t.amenity] or t.club or t.healthcare or t.leisure == 'hackerspace' then return true end
    if t.highway == 'bus_stop' or t.highway == 'hitchhiking' then return true end
    if t.public_transport == 'platform' and t.bus == 'yes' then return true end
    if t.public_transport == 'station' and t.train == 'yes' then return true end
    if t.railway == 'station' or t.railway == 'halt' then return true end
    if t.amenity == 'parking' and (t.carpool == 'yes' or t.carpool == 'designated') then return true end
    if shops[t.shop] or (t.shop and t.opening_hours == '24/7') then return true end
    if t['disused:amenity'] or t['disused:shop'] or t['abandoned:amenity'] or t['abandoned:building']
        or t['disused:building'] then return true end
    if t.building and (t.disused == 'yes' or t.abandoned == 'yes') then return true end
    if t.social_facility == 'nursing_home' or t.social_facility == 'assisted_living' then return true end
    return false
end

local function is_address(t)
    return t['addr:housenumber'] and (t['addr:street'] or t['addr:place'])
end

function osm2pgsql.process_node(object)
    local t = object.tags
    if is_place(t) then places:insert({ tags = t, geom = object:as_point() }) end
    if place_kinds[t.place] and t.name then localities:insert({ tags = t, geom = object:as_point() }) end
    if is_address(t) then addresses:insert({ tags = t, geom = object:as_point() }) end
end

function osm2pgsql.process_way(object)
    local t = object.tags
    local wanted_place = is_place(t)
    local wanted_locality = place_kinds[t.place] and t.name
    local wanted_address = is_address(t)
    if not (wanted_place or wanted_locality or wanted_address) then return end
    local area = object.is_closed and #object.nodes >= 4
    local geom = area and object:as_polygon() or object:as_linestring()
    if wanted_place then places:insert({ tags = t, geom = geom }) end
    if wanted_locality then localities:insert({ tags = t, geom = geom:centroid() }) end
    if wanted_address then addresses:insert({ tags = t, geom = geom:centroid() }) end
end

function osm2pgsql.process_relation(object)
    local t = object.tags
    if t.type ~= 'multipolygon' and t.type ~= 'boundary' then return end
    if t.boundary == 'administrative' and admin_levels[t.admin_level] then
        boundaries:insert({ tags = t, geom = object:as_multipolygon() })
    elseif is_place(t) then
        places:insert({ tags = t, geom = object:as_multipolygon() })
    end
end
