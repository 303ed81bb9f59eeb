-- OpenStreetMap sometimes maps a village twice: its name on a node (where the map writes it) and again on the
-- village's outline (a way or relation tagged place=*), some tens to hundreds of metres apart — Mötzingen,
-- Gültstein, Affstätt around Herrenberg. Both are OpenStreetMap's, so the list rule of V63 did not join them,
-- and the village was counted twice with its people shared between its two records. The node stands for
-- the village; the outline's record is linked to it, as a list's record is.
create or replace function localities_one_per_village() returns bigint
    language plpgsql
as $$
declare
    linked bigint;
    outlines bigint;
begin
    update localities l set retired_at = null, superseded_by = null
      from localities w
     where l.superseded_by = w.id and w.retired_at is not null and w.superseded_by is null;
    with pairs as (
        select distinct on (l.id) l.id, o.id as village
          from localities l
          join localities o on o.osm and o.retired_at is null and o.name_folded = l.name_folded
                           and ST_DWithin(o.geog, l.geog, 5000) and (o.ags is null or l.ags is null or o.ags = l.ags)
         where not l.osm and l.retired_at is null
         order by l.id, o.geog <-> l.geog)
    update localities l set retired_at = now(), superseded_by = p.village from pairs p where l.id = p.id;
    get diagnostics linked = row_count;
    with pairs as (
        select distinct on (a.id) a.id, n.id as village
          from localities a
          join localities n on n.osm and n.retired_at is null and n.source = a.source and n.source_id like 'node/%'
                           and n.name_folded = a.name_folded and ST_DWithin(n.geog, a.geog, 1000)
         where a.osm and a.retired_at is null and a.source_id not like 'node/%'
         order by a.id, n.geog <-> a.geog)
    update localities l set retired_at = now(), superseded_by = p.village from pairs p where l.id = p.id;
    get diagnostics outlines = row_count;
    return linked + outlines;
end
$$;
select localities_one_per_village();
