package de.ortsanker.imports;

import java.time.LocalDate;
import org.locationtech.jts.geom.Point;

/** A village, hamlet or town: a row of {@code localities}. */
public final class LocalityRecord extends StagedRecord {

    /** The kinds {@code localities.kind} allows. */
    public static final java.util.Set<String> KINDS = java.util.Set.of(
            "city", "town", "village", "hamlet", "isolated_dwelling", "suburb", "quarter", "locality");

    public String name;
    public String kind;
    /** In EPSG:4326 once checked. */
    public Point point;
    public Integer population;
    public String populationSource;
    public LocalDate populationDate;
    public String ags;
    public LocalDate lastVerified;
    /** When the source last edited the record (OSM: the element's timestamp); not a check. */
    public LocalDate sourceEdited;
    /** From OpenStreetMap: the authoritative village that a list's record of the same village is linked to. */
    public boolean osm;

    public LocalityRecord(String sourceId, Origin origin) {
        super(Target.LOCALITIES, sourceId, origin);
    }

    @Override
    void write(CopyRow row, Provenance provenance) {
        row.text(name).text(kind).geometry(point).integer(population)
                .text(population == null ? null : populationSource).date(population == null ? null : populationDate)
                .text(ags).text(provenance.licence()).text(provenance.attribution()).date(lastVerified).bool(osm)
                .date(sourceEdited);
    }
}
