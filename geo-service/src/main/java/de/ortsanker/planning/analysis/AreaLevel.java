package de.ortsanker.planning.analysis;

import de.ortsanker.planning.villages.Village;

/** The administrative level that answers are summed up to. */
public enum AreaLevel {
    MUNICIPALITY, DISTRICT;

    public String key(Village v) {
        return this == MUNICIPALITY ? v.ags() : v.districtAgs();
    }

    /** The area's official population (Destatis, Zensus), or null where none is known. */
    public Integer officialPopulation(Village v) {
        return this == MUNICIPALITY ? v.municipalityPopulation() : v.districtPopulation();
    }

    public String name(Village v) {
        String name = this == MUNICIPALITY ? v.municipality() : v.district();
        return name == null ? "(outside every known " + (this == MUNICIPALITY ? "municipality" : "district") + ")" : name;
    }
}
