package de.ortsanker.imports;

import org.locationtech.jts.geom.MultiPolygon;

/** A Land, Kreis or Gemeinde with its official key: a row of {@code admin_areas}. */
public final class AdminAreaRecord extends StagedRecord {

    /** land, regierungsbezirk, kreis, gemeindeverband or gemeinde. */
    public String level;
    public String ags;
    public String ars;
    public String name;
    public String designation;
    public Integer population;
    /** In EPSG:4326 once checked. */
    public MultiPolygon geometry;
    /** From OpenStreetMap: an official boundary with the same level and key stands for the area. */
    public boolean osm;

    public AdminAreaRecord(String sourceId, Origin origin) {
        super(Target.ADMIN_AREAS, sourceId, origin);
    }

    /** The level an AGS of this length names (2 Land, 3 Regierungsbezirk, 5 Kreis, 8 Gemeinde), or null. */
    public static String levelOf(String ags) {
        if (ags == null) {
            return null;
        }
        return switch (ags.length()) {
            case 2 -> "land";
            case 3 -> "regierungsbezirk";
            case 5 -> "kreis";
            case 8 -> "gemeinde";
            default -> null;
        };
    }

    @Override
    void write(CopyRow row, Provenance provenance) {
        row.text(level).text(ags).text(ars).text(name).text(designation).integer(population).geometry(geometry)
                .text(provenance.licence()).text(provenance.attribution()).bool(osm);
    }
}
