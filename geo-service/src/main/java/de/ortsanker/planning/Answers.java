package de.ortsanker.planning;

import de.ortsanker.planning.analysis.AreaLevel;
import de.ortsanker.planning.analysis.Covering;
import de.ortsanker.planning.analysis.ReachAnalysis;
import de.ortsanker.planning.analysis.Underserved;
import de.ortsanker.planning.area.Area;
import de.ortsanker.planning.distance.NearPlace;
import de.ortsanker.planning.distance.Reach;
import de.ortsanker.planning.distance.Site;
import de.ortsanker.planning.output.Answer;
import de.ortsanker.planning.output.Csv;
import de.ortsanker.planning.provenance.Provenance;
import de.ortsanker.planning.results.Publications;
import de.ortsanker.planning.rules.Rule;
import de.ortsanker.planning.rules.Target;
import de.ortsanker.planning.villages.Village;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns analysis results into {@link Answer}s: the JSON/GeoJSON properties and the CSV tables planners export. */
final class Answers {

    private Answers() {
    }

    static Map<String, Object> target(Target t) {
        return Map.of("target", t.label(), "kinds", Arrays.asList(t.kindCodes()));
    }

    static Map<String, Object> rule(Rule r) {
        return Map.of("rule", r.label(), "kinds", Arrays.asList(r.target().kindCodes()), "radius_m", r.radiusM());
    }

    // ---- reach ------------------------------------------------------------------------------------------

    static Answer reach(Area area, Map<String, Object> inputs, List<Village> vs, Reach reach,
                        List<ReachAnalysis.AreaReach> municipalities, List<ReachAnalysis.AreaReach> districts,
                        AreaLevel per, Provenance provenance) {
        int[] radii = reach.radiiM();
        List<Answer.Item> items = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        // A table per area (CSV only) lists no villages: none are written out.
        for (int v = 0; per == null && v < vs.size(); v++) {
            Village village = vs.get(v);
            var props = village(village);
            var perTarget = new LinkedHashMap<String, Object>();
            List<Object> row = new ArrayList<>(villageCells(village));
            for (int t = 0; t < reach.targets().size(); t++) {
                NearPlace near = reach.nearest(t, v);
                var r = new LinkedHashMap<String, Object>();
                r.put("nearest_m", near == null ? null : Math.round(near.metres()));
                r.put("nearest", place(near));
                var within = new LinkedHashMap<String, Integer>();
                for (int i = 0; i < radii.length; i++) {
                    within.put(String.valueOf(radii[i]), reach.within(t, i, v));
                }
                r.put("within", within);
                perTarget.put(reach.targets().get(t).label(), r);
                row.add(near == null ? null : Math.round(near.metres()));
                row.add(near == null ? null : near.name());
                for (int i = 0; i < radii.length; i++) {
                    row.add(reach.within(t, i, v));
                }
            }
            props.put("reach", perTarget);
            items.add(new Answer.Item(village.lon(), village.lat(), props));
            rows.add(row);
        }
        var head = new LinkedHashMap<String, Object>();
        head.put("inputs", inputs);
        head.put("totals", Map.of("villages", vs.size(),
                "population", vs.stream().mapToInt(x -> x.population().weight()).sum(),
                "villages_without_population_figure", vs.stream().filter(x -> !x.population().known()).count()));
        head.put("municipalities", municipalities);
        head.put("districts", districts);

        Answer.Table table;
        if (per == null) {
            List<String> header = new ArrayList<>(VILLAGE_HEADER);
            for (Target t : reach.targets()) {
                header.add(t.label() + ": nächste (m)");
                header.add(t.label() + ": Name der nächsten");
                for (int r : radii) {
                    header.add(t.label() + ": Anzahl bis " + r + " m");
                }
            }
            table = new Answer.Table(header, rows);
        } else {
            List<String> header = new ArrayList<>(List.of("AGS", per == AreaLevel.MUNICIPALITY ? "Gemeinde" : "Kreis",
                    "Ortsteile", "Einwohner", "Ortsteile ohne Einwohnerzahl"));
            for (Target t : reach.targets()) {
                header.add(t.label() + ": mittlere Entfernung (m, nach Einwohnern gewichtet)");
                header.add(t.label() + ": größte Entfernung (m)");
                for (int r : radii) {
                    header.add(t.label() + ": Einwohner bis " + r + " m");
                }
            }
            List<List<Object>> areaRows = new ArrayList<>();
            for (var a : per == AreaLevel.MUNICIPALITY ? municipalities : districts) {
                List<Object> row = new ArrayList<>(List.of(new Csv.Key(a.ags()), a.name(), a.villages(), a.population(),
                        a.villagesWithoutPopulationFigure()));
                for (var t : a.targets()) {
                    row.add(t.meanNearestM());
                    row.add(t.maxNearestM());
                    for (int r : radii) {
                        row.add(t.populationWithin().get(r));
                    }
                }
                areaRows.add(row);
            }
            table = new Answer.Table(header, areaRows);
        }
        return new Answer("reach", "reach-" + fileKey(area), head, "villages", items, table, provenance);
    }

    // ---- underserved ------------------------------------------------------------------------------------

    static Answer underserved(Area area, Map<String, Object> inputs, Underserved.Result result, AreaLevel per,
                              Provenance provenance) {
        List<String> rules = ((List<?>) inputs.get("rules")).stream().map(r -> (String) ((Map<?, ?>) r).get("rule")).toList();
        List<Answer.Item> items = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Underserved.Ranked u : result.villages()) {
            Village v = u.village();
            var props = new LinkedHashMap<String, Object>();
            props.put("rank", u.rank());
            props.putAll(village(v));
            List<Map<String, Object>> missing = new ArrayList<>();
            for (Underserved.Missing m : u.missing()) {
                var entry = new LinkedHashMap<String, Object>();
                entry.put("rule", m.rule());
                entry.put("nearest_m", m.nearest() == null ? null : Math.round(m.nearest().metres()));
                entry.put("nearest", place(m.nearest()));
                missing.add(entry);
            }
            props.put("missing", missing);
            items.add(new Answer.Item(v.lon(), v.lat(), props));
            List<Object> row = new ArrayList<>();
            row.add(u.rank());
            row.addAll(villageCells(v));
            row.add(String.join("; ", u.missing().stream().map(Publications::inWords).toList()));
            rows.add(row);
        }
        var head = new LinkedHashMap<String, Object>();
        head.put("inputs", inputs);
        var totals = new LinkedHashMap<String, Object>();
        totals.put("villages", result.villagesAnalysed());
        totals.put("underserved_villages", result.villages().size());
        totals.put("population", result.population());
        totals.put("population_affected", result.populationAffected());
        totals.put("villages_without_population_figure", result.villagesWithoutPopulationFigure());
        head.put("totals", totals);
        head.put("municipalities", result.municipalities().stream().map(a -> summary(a, rules)).toList());
        head.put("districts", result.districts().stream().map(a -> summary(a, rules)).toList());

        Answer.Table table;
        if (per == null) {
            List<String> header = new ArrayList<>(List.of("Rang"));
            header.addAll(VILLAGE_HEADER);
            header.add("Es fehlt");
            table = new Answer.Table(header, rows);
        } else {
            List<String> header = new ArrayList<>(List.of("AGS", per == AreaLevel.MUNICIPALITY ? "Gemeinde" : "Kreis",
                    "Ortsteile", "davon unterversorgt", "Einwohner", "davon betroffen", "Ortsteile ohne Einwohnerzahl"));
            for (String r : rules) {
                header.add("Ortsteile ohne " + r);
                header.add("Einwohner ohne " + r);
            }
            List<List<Object>> areaRows = new ArrayList<>();
            for (var a : per == AreaLevel.MUNICIPALITY ? result.municipalities() : result.districts()) {
                List<Object> row = new ArrayList<>(List.of(new Csv.Key(a.ags()), a.name(), a.villages(),
                        a.underservedVillages(), a.population(), a.populationAffected(), a.villagesWithoutPopulationFigure()));
                for (String r : rules) {
                    row.add(a.perRule().get(r)[0]);
                    row.add(a.perRule().get(r)[1]);
                }
                areaRows.add(row);
            }
            table = new Answer.Table(header, areaRows);
        }
        return new Answer("underserved", "underserved-" + fileKey(area), head, "villages", items, table, provenance);
    }

    private static Map<String, Object> summary(Underserved.AreaSummary a, List<String> rules) {
        var m = new LinkedHashMap<String, Object>();
        m.put("ags", a.ags());
        m.put("name", a.name());
        m.put("villages", a.villages());
        m.put("underserved_villages", a.underservedVillages());
        m.put("population", a.population());
        m.put("population_affected", a.populationAffected());
        m.put("villages_without_population_figure", a.villagesWithoutPopulationFigure());
        var perRule = new LinkedHashMap<String, Object>();
        for (String r : rules) {
            perRule.put(r, Map.of("villages", a.perRule().get(r)[0], "population", a.perRule().get(r)[1]));
        }
        m.put("missing", perRule);
        return m;
    }

    // ---- candidates -------------------------------------------------------------------------------------

    static Answer candidates(Area area, Map<String, Object> inputs, Covering.Result result, int listLimit,
                             Provenance provenance) {
        Map<Site, Covering.Pick> picked = new LinkedHashMap<>();
        result.picks().forEach(p -> picked.put(p.site(), p));
        List<Covering.Candidate> listed = new ArrayList<>(result.candidates().stream().limit(listLimit).toList());
        result.candidates().stream().skip(listLimit).filter(c -> picked.containsKey(c.site())).forEach(listed::add);

        List<Answer.Item> items = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        for (Covering.Candidate c : listed) {
            Site s = c.site();
            Covering.Pick p = picked.get(s);
            var props = new LinkedHashMap<String, Object>();
            props.put("id", s.placeId() == null ? "point-" + c.rank() : s.placeId());
            props.put("label", s.label());
            props.put("place_id", s.placeId());
            props.put("rank_alone", c.rank());
            props.put("people_reached_alone", c.people());
            props.put("villages_reached_alone", c.villages());
            props.put("chosen_rank", p == null ? null : p.rank());
            props.put("people_gained", p == null ? null : p.peopleGained());
            props.put("villages_gained", p == null ? null : p.villagesGained());
            props.put("village_ids_gained", p == null ? null : p.villageIds());
            props.put("source", s.source());
            props.put("licence", s.licence());
            props.put("attribution", s.attribution());
            items.add(new Answer.Item(s.lon(), s.lat(), props));
            rows.add(Arrays.asList(c.rank(), p == null ? null : p.rank(), s.placeId(), s.label(), c.people(),
                    c.villages(), p == null ? null : p.peopleGained(), p == null ? null : p.villagesGained(),
                    s.lon(), s.lat(), s.source(), s.licence()));
        }
        var head = new LinkedHashMap<String, Object>();
        head.put("inputs", inputs);
        var totals = new LinkedHashMap<String, Object>();
        totals.put("candidates", result.candidates().size());
        totals.put("coverage_before", result.before());
        totals.put("coverage_after", result.after());
        head.put("totals", totals);
        head.put("chosen", result.picks().stream().map(p -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("rank", p.rank());
            m.put("label", p.site().label());
            m.put("place_id", p.site().placeId());
            m.put("lon", p.site().lon());
            m.put("lat", p.site().lat());
            m.put("people_gained", p.peopleGained());
            m.put("villages_gained", p.villagesGained());
            m.put("people_served_after", p.peopleServedAfter());
            m.put("villages_served_after", p.villagesServedAfter());
            return m;
        }).toList());
        var table = new Answer.Table(List.of("Rang allein", "Auswahl-Rang", "Gebäude-ID", "Bezeichnung",
                "Einwohner neu erreichbar (allein)", "Ortsteile neu erreichbar (allein)", "Einwohner hinzugewonnen",
                "Ortsteile hinzugewonnen", "Längengrad", "Breitengrad", "Quelle", "Lizenz"), rows);
        return new Answer("candidates", "candidates-" + fileKey(area), head, "sites", items, table, provenance);
    }

    // ---- shared -----------------------------------------------------------------------------------------

    private static final List<String> VILLAGE_HEADER = List.of("ID", "Ortsteil", "Art", "AGS", "Gemeinde", "Kreis",
            "Einwohner", "Einwohnerzahl: Methode", "Einwohnerzahl: Quelle", "Längengrad", "Breitengrad");

    private static List<Object> villageCells(Village v) {
        return Arrays.asList(v.id(), v.name(), v.kind(), new Csv.Key(v.ags()), v.municipality(), v.district(),
                v.population().people(), v.population().method().code(),
                v.population().source() == null ? v.population().note() : v.population().source(), v.lon(), v.lat());
    }

    private static Map<String, Object> village(Village v) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", v.id());
        m.put("name", v.name());
        m.put("kind", v.kind());
        m.put("ags", v.ags());
        m.put("municipality", v.municipality());
        m.put("district_ags", v.districtAgs());
        m.put("district", v.district());
        m.put("population", v.population().people());
        m.put("population_method", v.population().method().code());
        m.put("population_known", v.population().known());
        m.put("population_source", v.population().source());
        m.put("population_date", v.population().date());
        m.put("population_note", v.population().note());
        m.put("source", v.source());
        m.put("licence", v.licence());
        m.put("attribution", v.attribution());
        return m;
    }

    private static Map<String, Object> place(NearPlace p) {
        if (p == null) {
            return null;
        }
        var m = new LinkedHashMap<String, Object>();
        m.put("id", p.id());
        m.put("kind", p.kind());
        m.put("name", p.name());
        return m;
    }

    private static String fileKey(Area area) {
        return area.key().replaceAll("[^0-9A-Za-z.]+", "_");
    }
}
