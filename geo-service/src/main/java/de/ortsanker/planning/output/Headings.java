package de.ortsanker.planning.output;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The English of the tables' German headings. The answers name their columns in German (the planners'
 * Excel); an English table gets them from here, whole or by pattern for the headings made per rule and
 * radius. A heading this does not know stays German rather than being guessed.
 */
final class Headings {

    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("Rang", "Rank"), Map.entry("ID", "ID"), Map.entry("Ortsteil", "Village"), Map.entry("Art", "Kind"),
            Map.entry("AGS", "AGS"), Map.entry("Gemeinde", "Municipality"), Map.entry("Kreis", "District"),
            Map.entry("Einwohner", "Population"), Map.entry("Einwohnerzahl: Methode", "Population: method"),
            Map.entry("Einwohnerzahl: Quelle", "Population: source"), Map.entry("Einwohnerzahl: ±", "Population: ±"), Map.entry("Längengrad", "Longitude"),
            Map.entry("Breitengrad", "Latitude"), Map.entry("Es fehlt", "Missing"), Map.entry("Ortsteile", "Villages"),
            Map.entry("davon unterversorgt", "of which underserved"), Map.entry("davon betroffen", "of which affected"),
            Map.entry("Ortsteile ohne Einwohnerzahl", "Villages without a population figure"),
            Map.entry("Rang allein", "Rank alone"), Map.entry("Auswahl-Rang", "Chosen rank"),
            Map.entry("Gebäude-ID", "Building ID"), Map.entry("Bezeichnung", "Label"),
            Map.entry("Einwohner neu erreichbar (allein)", "People newly reached (alone)"),
            Map.entry("Ortsteile neu erreichbar (allein)", "Villages newly reached (alone)"),
            Map.entry("Einwohner hinzugewonnen", "People gained"), Map.entry("Ortsteile hinzugewonnen", "Villages gained"),
            Map.entry("Quelle", "Source"), Map.entry("Lizenz", "Licence"), Map.entry("Datenquellen", "Data sources"),
            Map.entry("Namensnennung", "Attribution"));

    private record Rule(Pattern german, String english) {
    }

    private static final List<Rule> PATTERNS = List.of(
            new Rule(Pattern.compile("(.+): mittlere Entfernung \\(m, nach Einwohnern gewichtet\\)"),
                    "$1: mean distance (m, weighted by population)"),
            new Rule(Pattern.compile("(.+): größte Entfernung \\(m\\)"), "$1: largest distance (m)"),
            new Rule(Pattern.compile("(.+): Einwohner bis (\\d+) m"), "$1: people within $2 m"),
            new Rule(Pattern.compile("(.+): nächste \\(m\\)"), "$1: nearest (m)"),
            new Rule(Pattern.compile("(.+): Name der nächsten"), "$1: name of the nearest"),
            new Rule(Pattern.compile("(.+): Anzahl bis (\\d+) m"), "$1: number within $2 m"),
            new Rule(Pattern.compile("Ortsteile ohne (.+)"), "Villages without $1"),
            new Rule(Pattern.compile("Einwohner ohne (.+)"), "People without $1"));

    private Headings() {
    }

    static String in(String german, Language language) {
        if (language == Language.DE) {
            return german;
        }
        String whole = ENGLISH.get(german);
        if (whole != null) {
            return whole;
        }
        for (Rule r : PATTERNS) {
            Matcher m = r.german().matcher(german);
            if (m.matches()) {
                return m.replaceFirst(r.english());
            }
        }
        return german;
    }
}
