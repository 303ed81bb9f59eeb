package de.ortsanker.planning.area;

import de.ortsanker.filter.Bbox;
import de.ortsanker.problem.InvalidParameter;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Turns the {@code ags} and {@code bbox} request parameters into an {@link Area}, or a 400 naming them. */
@Component("planningAreas")
public class Areas {

    private static final String NAME_BY_AGS = """
            select coalesce(designation || ' ', '') || name from admin_areas
             where ags = ? and level in ('land', 'kreis', 'gemeinde') and retired_at is null
             order by length(name) limit 1""";

    /** A key without an outline of its own (e.g. a Land where only municipalities are loaded). */
    private static final String MUNICIPALITIES_UNDER = """
            select count(*) from admin_areas
             where level = 'gemeinde' and retired_at is null and ags between ? and ?""";

    private final JdbcTemplate jdbc;

    public Areas(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Area resolve(String ags, String bbox) {
        if (ags != null && bbox != null) {
            throw new InvalidParameter("bbox", "give either ags or bbox, not both");
        }
        if (ags != null) {
            return byKey(ags.trim());
        }
        if (bbox != null) {
            return byBox(bbox);
        }
        return Area.EVERYTHING;
    }

    private Area byKey(String ags) {
        if (!ags.matches("[0-9]{2}|[0-9]{5}|[0-9]{8}")) {
            throw new InvalidParameter("ags", "'" + ags + "' is not an official key: 8 digits for a municipality"
                    + " (Gemeinde), 5 for a district (Kreis), 2 for a Land");
        }
        var names = jdbc.queryForList(NAME_BY_AGS, String.class, ags);
        if (!names.isEmpty()) {
            return new Area("ags:" + ags, names.get(0), ags, null);
        }
        Integer under = jdbc.queryForObject(MUNICIPALITIES_UNDER, Integer.class,
                ags + "0".repeat(8 - ags.length()), ags + "9".repeat(8 - ags.length()));
        if (under == null || under == 0) {
            throw new InvalidParameter("ags", "no municipality, district or Land has the key " + ags);
        }
        return new Area("ags:" + ags, under + " municipalities with key " + ags + "…", ags, null);
    }

    private Area byBox(String text) {
        double[] b = Bbox.lonLat(text, "bbox").toArray();
        String key = String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", b[0], b[1], b[2], b[3]);
        return new Area("bbox:" + key, "box " + key, null, b);
    }
}
