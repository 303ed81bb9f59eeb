package de.ortsanker.places;

/**
 * What a source is called where people read it: "OpenStreetMap" for what came from an OpenStreetMap extract
 * (whatever the extract's file was called: "north-bayreuth" is a file, not a source anyone knows), else the
 * name the data steward gave the source on import ("BKG VG5000 Gemeinden", "Vereinsliste Harsdorf").
 */
final class SourceTitle {

    /** For a row {@code p} with {@code source}, {@code licence} and {@code source_url}. */
    static final String SQL = """
            case when exists (select 1 from import_runs r where r.source = p.source and r.format like 'osm-%')
                   or p.licence like 'ODbL%' and p.source_url like 'https://www.openstreetmap.org/%'
                 then 'OpenStreetMap' else p.source end""";

    private SourceTitle() {
    }
}
