-- An area's population as every answer shows it — the layers of municipalities and districts, the area
-- picker, the search and the type-ahead: the official figure (V67) where one is imported, else the figure
-- the boundary's own source carried. One definition, so that they cannot disagree.
create function area_population(a admin_areas) returns integer
    language sql stable parallel safe
as $$
    select coalesce(official_population_of(a.level, a.ags), a.population)
$$;
