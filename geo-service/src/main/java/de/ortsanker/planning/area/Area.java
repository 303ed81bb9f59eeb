package de.ortsanker.planning.area;

/**
 * The part of the country an analysis looks at: a municipality or district by its official key (AGS),
 * a bounding box, or everything in the database.
 *
 * @param key      how results for this area are filed, e.g. {@code ags:12062}, {@code bbox:…}, {@code all}
 * @param name     what a planner calls it ("Landkreis Elbe-Elster")
 * @param agsKey   the AGS key (2, 5 or 8 digits) when chosen by key
 * @param bbox     minLon, minLat, maxLon, maxLat when chosen by box
 */
public record Area(String key, String name, String agsKey, double[] bbox) {

    public static final Area EVERYTHING = new Area("all", "all data", null, null);

    public boolean isEverything() {
        return agsKey == null && bbox == null;
    }

    /** How the area was chosen, for stating a result's inputs. */
    public String parameter() {
        return agsKey != null ? "ags=" + agsKey : bbox != null ? "bbox=" + key.substring(5) : "none (all data)";
    }
}
