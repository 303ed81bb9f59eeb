package de.ortsanker.imports;

import java.time.LocalDate;

/** The official population of a municipality (Gemeinde) on a day, as a statistical office published it. */
public final class OfficialPopulationRecord extends StagedRecord {

    public String name;
    public int population;
    public LocalDate referenceDate;
    /** Which publication, e.g. "GV-ISys 31.12.2024" or "Zensus 2022". */
    public String publication;

    /** @param ags the municipality's 8-digit key, the record's key within its source */
    public OfficialPopulationRecord(String ags, Origin origin) {
        super(Target.OFFICIAL_POPULATION, ags, origin);
    }

    @Override
    void write(CopyRow row, Provenance provenance) {
        row.text(name).integer(population).date(referenceDate).text(publication)
                .text(provenance.licence()).text(provenance.attribution());
    }
}
