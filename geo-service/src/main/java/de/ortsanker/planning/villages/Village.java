package de.ortsanker.planning.villages;

/**
 * A village or hamlet as the planning analyses see it: where it is, the municipality and district it
 * belongs to, how many people live there, and where its record comes from.
 *
 * @param municipalityPopulation the official figure of its municipality (V67), null where none is known
 * @param districtPopulation     the official figure of its district, null where none is known
 */
public record Village(long id, String name, String kind, double lon, double lat,
                      String ags, String municipality, String districtAgs, String district,
                      Population population, String source, String licence, String attribution,
                      Integer municipalityPopulation, Integer districtPopulation) {

    public Village(long id, String name, String kind, double lon, double lat, String ags, String municipality,
                   String districtAgs, String district, Population population, String source, String licence,
                   String attribution) {
        this(id, name, kind, lon, lat, ags, municipality, districtAgs, district, population, source, licence,
                attribution, null, null);
    }

    public Village withPopulation(Population p) {
        return new Village(id, name, kind, lon, lat, ags, municipality, districtAgs, district, p, source, licence,
                attribution, municipalityPopulation, districtPopulation);
    }
}
