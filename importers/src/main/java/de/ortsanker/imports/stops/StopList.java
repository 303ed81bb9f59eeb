package de.ortsanker.imports.stops;

import java.util.List;
import java.util.Set;

/** The stop lists the importer knows, recognised by the columns their publishers give them. */
public enum StopList {

    /** npm vbb-stations (from the VBB GTFS): stations and their stops with a departure weight. */
    VBB_STATIONS("vbb-stations", "VBB stations", "VBB Verkehrsverbund Berlin-Brandenburg GmbH",
            Set.of("kind", "id", "station_id", "name", "weight", "lat", "lon")),
    /** npm db-stations (DB station data, StaDa): stations with their facilities. */
    DB_STATIONS("db-stations", "DB stations", "Deutsche Bahn AG / DB InfraGO (StaDa)",
            Set.of("id", "ril100", "name", "lat", "lon", "hasSteplessAccess"));

    final String format;
    final String source;
    final String attribution;
    private final Set<String> columns;

    StopList(String format, String source, String attribution, Set<String> columns) {
        this.format = format;
        this.source = source;
        this.attribution = attribution;
        this.columns = columns;
    }

    /** The list a CSV header is, or null. */
    public static StopList recognise(List<String> header) {
        Set<String> names = Set.copyOf(header.stream().map(String::strip).toList());
        for (StopList l : values()) {
            if (names.containsAll(l.columns)) {
                return l;
            }
        }
        return null;
    }
}
