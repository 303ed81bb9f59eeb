package de.ortsanker.imports.stops;

import de.ortsanker.imports.FileImporter;
import de.ortsanker.imports.ImportContext;
import de.ortsanker.imports.ImportOptions;
import de.ortsanker.imports.Origin;
import de.ortsanker.imports.PlaceRecord;
import de.ortsanker.imports.Problem;
import de.ortsanker.imports.Target;
import de.ortsanker.imports.geometry.Crs;
import de.ortsanker.imports.table.CsvTable;
import de.ortsanker.imports.table.Table;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Imports the stop lists of German transport data as places, recognised by their columns ({@link StopList}):
 * the VBB's stations ({@code vbb-stations}: one place per stop area, with its departure weight in
 * {@code details.departures}) and DB's stations ({@code db-stations}: train stations with their step-free
 * access as {@code wheelchair}). Both are CC BY 4.0 with the publisher's attribution on every record.
 */
public final class StopListImporter implements FileImporter {

    /**
     * A stop area's DHID (de:AGS:number), the part a platform's id starts with; or one of the VBB's own
     * numbers (800801029701), which the list keeps for stops outside Berlin-Brandenburg: a stop area each.
     */
    private static final Pattern STOP_ID = Pattern.compile("(de:\\d{5}:\\d+)(:.*)?|(\\d{6,12})");
    /** A stop a train halts at, by the names the VBB gives them; "Busbahnhof" is not one. */
    private static final Pattern RAIL = Pattern.compile("(?iu)(^|[\\s,(])(bahnhof|bhf|hbf|haltepunkt)\\b");
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final Map<String, String> STEP_FREE = Map.of("yes", "yes", "partial", "limited", "no", "no");

    private final Path file;
    private final ImportOptions options;
    private final StopList list;

    public StopListImporter(Path file, ImportOptions options, StopList list) {
        this.file = file;
        this.options = options;
        this.list = list;
    }

    @Override
    public String format() {
        return list.format;
    }

    @Override
    public Set<Target> targets() {
        return Set.of(Target.PLACES);
    }

    @Override
    public Defaults defaults() {
        return new Defaults(list.source, "CC-BY-4.0", list.attribution);
    }

    @Override
    public void read(ImportContext context) throws IOException {
        String name = file.getFileName().toString();
        try (Table table = new CsvTable(name, context.open(file), options.encoding(), options.delimiter())) {
            if (list == StopList.VBB_STATIONS) {
                readVbb(context, name, table);
            } else {
                readDb(context, name, table);
            }
        }
    }

    /**
     * The VBB list holds stations (a stop area, or one direction of it: de:12062:900415106::1 and ::2) and
     * their stops (platforms). One place per stop area, as everywhere ("one real thing, one record"): the
     * stations of an area are summed, the heaviest gives name and position; platforms are checked, not
     * imported. The areas are kept until the end — a list of a county's stops is thousands, not millions.
     */
    private void readVbb(ImportContext context, String name, Table table) throws IOException {
        Map<String, StopArea> areas = new LinkedHashMap<>();
        Map<String, Origin> platforms = new LinkedHashMap<>();
        Table.Row row;
        while ((row = table.next()) != null) {
            Origin origin = Origin.line(name, row.line());
            if (row.problem() != null) {
                context.reject(origin, null, row.problem(), Target.PLACES);
                continue;
            }
            Map<String, Object> v = row.values();
            String kind = text(v.get("kind"));
            String id = text(v.get("id"));
            if (!"station".equals(kind) && !"stop".equals(kind)) {
                context.reject(origin, "kind", "'" + kind + "' is neither station nor stop", Target.PLACES);
                continue;
            }
            var stopId = id == null ? null : STOP_ID.matcher(id);
            if (stopId == null || !stopId.matches()) {
                context.reject(origin, "id", "'" + id + "' is not a stop id (DHID such as de:12062:900415465)",
                        Target.PLACES);
                continue;
            }
            Point position = position(context, origin, v.get("lon"), v.get("lat"));
            if (position == null) {
                continue;
            }
            if ("stop".equals(kind)) {
                platforms.put(text(v.get("station_id")), origin);
                continue;
            }
            String stationName = text(v.get("name"));
            if (stationName == null) {
                context.reject(origin, "name", "a station needs a name", Target.PLACES);
                continue;
            }
            Double weight = number(v.get("weight"));
            if (weight == null || weight < 0) {
                context.reject(origin, "weight", "'" + text(v.get("weight")) + "' is not a departure weight"
                        + " (a number, 0 or more)", Target.PLACES);
                continue;
            }
            String area = stopId.group(1) != null ? stopId.group(1) : stopId.group(3);
            areas.computeIfAbsent(area, a -> new StopArea()).add(id, stationName, weight, position, origin);
        }
        Set<String> stations = new java.util.HashSet<>();
        areas.values().forEach(a -> stations.addAll(a.stations));
        platforms.forEach((station, origin) -> {
            if (!stations.contains(station)) {
                context.problem(origin.problem("station_id", "platform of station '" + station
                        + "', which the file does not list: left out", Problem.Action.NOTE));
            }
        });
        context.stat("stops.platforms", platforms.size());
        context.stat("stops.stations", stations.size());
        for (var area : areas.entrySet()) {
            StopArea a = area.getValue();
            var r = new PlaceRecord(area.getKey(), a.origin);
            r.kind = RAIL.matcher(a.name).find() ? "train_station" : "bus_stop";
            r.name = a.name;
            r.geometry = a.position;
            // Rounded as the source gives them (quarters): a re-import of the same list digests the same.
            r.details.put("departures", Math.round(a.departures * 100) / 100.0);
            context.place(r);
        }
    }

    private void readDb(ImportContext context, String name, Table table) throws IOException {
        Table.Row row;
        while ((row = table.next()) != null) {
            Origin origin = Origin.line(name, row.line());
            if (row.problem() != null) {
                context.reject(origin, null, row.problem(), Target.PLACES);
                continue;
            }
            Map<String, Object> v = row.values();
            String id = text(v.get("id"));
            if (id == null || !id.matches("\\d{6,8}")) {
                context.reject(origin, "id", "'" + id + "' is not a station number (EVA, e.g. 8011078)", Target.PLACES);
                continue;
            }
            String stationName = text(v.get("name"));
            if (stationName == null) {
                context.reject(origin, "name", "a station needs a name", Target.PLACES);
                continue;
            }
            Point position = position(context, origin, v.get("lon"), v.get("lat"));
            if (position == null) {
                continue;
            }
            var r = new PlaceRecord(id, origin);
            r.kind = "train_station";
            r.name = stationName;
            r.geometry = position;
            r.addrCity = text(v.get("city"));
            r.addrPostcode = text(v.get("zipcode"));
            String stepless = text(v.get("hasSteplessAccess"));
            if (stepless != null) {
                r.wheelchair = STEP_FREE.get(stepless.toLowerCase(Locale.ROOT));
                if (r.wheelchair == null && !stepless.equalsIgnoreCase("unknown")) {
                    context.problem(origin.problem("hasSteplessAccess", "'" + stepless
                            + "' is not yes, partial, no or unknown: step-free access left open", Problem.Action.FIELD_DROPPED));
                }
            }
            context.place(r);
        }
    }

    private static Point position(ImportContext context, Origin origin, Object lon, Object lat) {
        Double x = number(lon);
        Double y = number(lat);
        if (x == null || y == null) {
            String raw = text(x == null ? lon : lat);
            context.reject(origin, x == null ? "lon" : "lat", raw == null ? "no coordinate" : "'" + raw
                    + "' is not a coordinate", Target.PLACES);
            return null;
        }
        var checked = context.place(WGS84.createPoint(new Coordinate(x, y)), Crs.epsg(Crs.WGS84), origin, Target.PLACES);
        return checked instanceof Point p ? p : null;
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static Double number(Object v) {
        String s = text(v);
        if (s == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The stations of one stop area as read so far. */
    private static final class StopArea {
        final List<String> stations = new java.util.ArrayList<>();
        String name;
        Point position;
        Origin origin;
        double heaviest = -1;
        double departures;

        void add(String station, String stationName, double weight, Point at, Origin where) {
            stations.add(station);
            departures += weight;
            if (weight > heaviest) {
                heaviest = weight;
                name = stationName;
                position = at;
                origin = where;
            }
        }
    }
}
