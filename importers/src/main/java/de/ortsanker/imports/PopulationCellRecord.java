package de.ortsanker.imports;

import org.locationtech.jts.geom.Point;

/** A census grid cell: inhabitants of a square, centre in EPSG:3035 as published. */
public final class PopulationCellRecord extends StagedRecord {

    public int sizeM;
    public Point centre;
    public int population;
    public String census;

    public PopulationCellRecord(String cellId, Origin origin) {
        super(Target.POPULATION_CELLS, cellId, origin);
    }

    @Override
    void write(CopyRow row, Provenance provenance) {
        row.integer(sizeM).geometry(centre).integer(population).text(census)
                .text(provenance.licence()).text(provenance.attribution());
    }
}
