package de.ortsanker.planning.villages;

/** Census population cells (centres in WGS 84) and where they come from. */
public record ZensusCells(double[] lon, double[] lat, int[] people, String census, String source, String licence,
                          String attribution) {

    public int size() {
        return people.length;
    }
}
