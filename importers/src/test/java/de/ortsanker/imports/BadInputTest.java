package de.ortsanker.imports;

import static de.ortsanker.imports.KilledImportTest.fingerprint;
import static de.ortsanker.imports.OsmMappingTest.fixture;
import static de.ortsanker.imports.OsmMappingTest.one;
import static org.assertj.core.api.Assertions.assertThat;

import de.ortsanker.testing.PostgisTest;
import de.ortsanker.testing.TestSchema;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of bad input gets its own message — file, line or feature, field, reason — and a file that
 * cannot be read, or has more bad records than allowed, changes nothing.
 */
@PostgisTest
class BadInputTest {

    private static final ImportOptions LIST = ImportOptions.builder().licence("CC0-1.0").attribution("test").build();

    @BeforeAll
    static void existingData(TestSchema db) throws Exception {
        Imports.importFile(db.dataSource(), fixture("village.osm")).orThrow();
        Imports.importFile(db.dataSource(), TestData.path("vg5000/VG5000_KRS.shp")).orThrow();
    }

    @Test
    void badRowsAreRejectedOneByOneWithLineFieldAndReason(TestSchema db, @TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("orte.csv"), """
                id;kind;name;lon;lat
                1;pub;Zur Linde;11.60;49.98
                2;pub;;11.61;49.98
                3;Sportverein2;SV;11.62;49.98
                4;library;Bücherei;49.98;11.63
                5;library;Mediathek;181.0;49.98
                6;cafe;Café;abc;49.98
                7;library;Dorfbücherei;11,64;49,98
                """);
        ImportResult r = Imports.importFile(db.dataSource(), csv, LIST).orThrow();
        assertThat(r.counts(Target.PLACES)).isEqualTo(new Counts(7, 2, 0, 0, 0, 5, 0, 0));
        assertThat(r.problems(Problem.Action.REJECTED)).extracting(Problem::toString).containsExactly(
                "orte.csv line 3, name: a pub (pub) needs a name (rejected)",
                "orte.csv line 4, kind: unknown kind 'Sportverein2' (known: " + String.join(", ",
                        OsmMappingTest.column(db, "select code from kinds order by code")) + ") (rejected)",
                "orte.csv line 5, geometry: latitude and longitude are swapped ((49.98 11.63) lies in Germany only"
                        + " read as latitude, longitude): longitude must come first (rejected)",
                "orte.csv line 6, geometry: coordinates (181.0 49.98) lie outside the area of EPSG:4326 (longitude"
                        + " -180.0 to 180.0, latitude -90.0 to 90.0): wrong CRS? (rejected)",
                "orte.csv line 7, lon: 'abc' is not a coordinate (rejected)");
        // A German decimal comma is a decimal point.
        assertThat(one(db, "select ST_AsText(geom) from places where source = 'orte' and source_id = '7'"))
                .isEqualTo("POINT(11.64 49.98)");
    }

    @Test
    void moreBadRowsThanAllowedChangeNothing(TestSchema db, @TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("strict.csv"), "id;kind;name;lon;lat\n1;pub;Zur Linde;11.60;49.98\n"
                + "2;pub;;11.61;49.98\n");
        String before = fingerprint(db);
        ImportResult r = Imports.importFile(db.dataSource(), csv, LIST.toBuilder().maxErrors(0).build());
        assertThat(r.status()).isEqualTo(ImportResult.Status.ABORTED);
        assertThat(r.error()).contains("more than --max-errors 0 allows: nothing was imported");
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    @Test
    void coordinatesInTheWrongCrsAreOutsideItsArea(TestSchema db, @TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("utm.csv"), "id;kind;name;x;y\n1;library;Bücherei;11.6;49.98\n"
                + "2;library;Mediathek;680000;5539000\n");
        ImportResult r = Imports.importFile(db.dataSource(), csv, LIST.toBuilder().crs(25832).build()).orThrow();
        assertThat(r.problems(Problem.Action.REJECTED)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.reason()).startsWith("coordinates (11.6 49.98) lie outside the area of EPSG:25832");
        });
        assertThat(one(db, "select round(ST_X(geom)::numeric, 3) || ' ' || round(ST_Y(geom)::numeric, 3)"
                + " from places where source = 'utm'")).isEqualTo("11.511 49.976");
    }

    @Test
    void invalidGeometriesAreRepairedWhereSafeAndRejectedWhereNot(TestSchema db, @TempDir Path dir) throws Exception {
        Path geojson = Files.writeString(dir.resolve("leerstand.geojson"), """
                {"type": "FeatureCollection", "features": [
                {"type": "Feature", "id": "bowtie", "properties": {"kind": "vacant_building"}, "geometry":
                  {"type": "Polygon", "coordinates": [[[11.56, 50.03], [11.5602, 50.0302], [11.5602, 50.03],
                   [11.56, 50.0302], [11.56, 50.03]]]}},
                {"type": "Feature", "id": "spike", "properties": {"kind": "vacant_building"}, "geometry":
                  {"type": "Polygon", "coordinates": [[[11.56, 50.03], [11.561, 50.03], [11.561, 50.031],
                   [11.5605, 50.031], [11.5605, 50.05], [11.5605, 50.031], [11.56, 50.031], [11.56, 50.03]]]}},
                {"type": "Feature", "id": "open", "properties": {"kind": "vacant_building"}, "geometry":
                  {"type": "Polygon", "coordinates": [[[11.56, 50.03], [11.561, 50.03], [11.561, 50.031]]]}}
                ]}
                """);
        ImportResult r = Imports.importFile(db.dataSource(), geojson, LIST).orThrow();
        assertThat(r.problems(Problem.Action.REPAIRED)).singleElement().satisfies(p -> {
            assertThat(p.feature()).isEqualTo(1);
            assertThat(p.reason()).startsWith("invalid geometry: self-intersection at (11.5601 50.0301): repaired");
        });
        assertThat(r.problems(Problem.Action.REJECTED)).extracting(p -> p.location() + " " + p.reason())
                .containsExactly(
                        "feature 2 (line 5) invalid geometry: ring self-intersection at (11.5605 50.031), and repairing it"
                                + " would change its shape (by 95 % of its size)",
                        "feature 3 (line 8) Polygon: a ring is not closed (its first and last positions differ)");
        assertThat(one(db, "select GeometryType(geom) || ' ' || ST_IsValid(geom) from places where source = 'leerstand'"))
                .isEqualTo("MULTIPOLYGON true");
    }

    @Test
    void aFileInTheWrongEncodingFailsAtTheLineAndChangesNothing(TestSchema db, @TempDir Path dir) throws Exception {
        Path latin = Files.write(dir.resolve("vereine.csv"), ("id;kind;name;lon;lat\n1;club;SV Bindlach;11.60;49.98\n"
                + "2;club;Schützenverein Döhlau;11.61;49.98\n").getBytes(Charset.forName("windows-1252")));
        String before = fingerprint(db);
        ImportResult r = Imports.importFile(db.dataSource(), latin, LIST);
        assertThat(r.status()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(r.error()).isEqualTo("vereine.csv: wrong encoding at line 3: byte 0xfc is not valid UTF-8 (the"
                + " default). If the file was saved by Excel or an older program, it is probably windows-1252: import"
                + " it with --encoding windows-1252");
        assertThat(fingerprint(db)).isEqualTo(before);

        Imports.importFile(db.dataSource(), latin, LIST.toBuilder().encoding(Charset.forName("windows-1252")).build())
                .orThrow();
        assertThat(one(db, "select name from places where source = 'vereine' and source_id = '2'"))
                .isEqualTo("Schützenverein Döhlau");
    }

    @Test
    void aShapefileWhoseCodePageIsWrongFailsNamingRecordAndField(TestSchema db, @TempDir Path dir) throws Exception {
        Path shp = copyShapefile("VG5000_KRS", dir);
        Path dbf = dir.resolve("VG5000_KRS.dbf");
        byte[] bytes = Files.readAllBytes(dbf);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("L\u00c3\u00bcbeck");            // "Lübeck" in UTF-8, seen as Latin-1
        byte[] latin1 = "Lübeck ".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(latin1, 0, bytes, at, latin1.length);
        Files.write(dbf, bytes);
        String before = fingerprint(db);
        ImportResult r = Imports.importFile(db.dataSource(), shp, ImportOptions.builder().source("wrong cpg").build());
        assertThat(r.status()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(r.error()).isEqualTo("VG5000_KRS.dbf record 3, field GEN: wrong encoding — the bytes are not valid"
                + " UTF-8 (as the .cpg file says; byte 0xfc at position 2). Is the .cpg file right? Give the code page"
                + " with --encoding, e.g. windows-1252 or UTF-8");
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    @Test
    void withoutACpgFileTheDbfLanguageDriverNamesTheCodePage(TestSchema db, @TempDir Path dir) throws Exception {
        Path shp = copyShapefile("VG5000_KRS", dir);
        Files.delete(dir.resolve("VG5000_KRS.cpg"));
        Path dbf = dir.resolve("VG5000_KRS.dbf");
        // The text fields re-encoded from UTF-8 to Windows-1252, as older GIS write them, and byte 29 says so.
        byte[] bytes = Files.readAllBytes(dbf);
        var header = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int headerLength = header.getShort(8);
        int recordLength = header.getShort(10);
        var widths = new java.util.ArrayList<Integer>();
        for (int at = 32; bytes[at] != 0x0D; at += 32) {
            widths.add(bytes[at + 16] & 0xff);
        }
        for (int record = headerLength; record + recordLength <= bytes.length; record += recordLength) {
            int at = record + 1;
            for (int width : widths) {
                byte[] field = new String(bytes, at, width, StandardCharsets.UTF_8).getBytes(Charset.forName("windows-1252"));
                Arrays.fill(bytes, at, at + width, (byte) ' ');
                System.arraycopy(field, 0, bytes, at, Math.min(width, field.length));
                at += width;
            }
        }
        bytes[29] = 0x57;
        Files.write(dbf, bytes);

        Imports.importFile(db.dataSource(), shp, ImportOptions.builder().source("ldid").build()).orThrow();
        assertThat(one(db, "select name from admin_areas where source = 'ldid' and ags = '01003'")).isEqualTo("Lübeck");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kreise_vg5000_2021_wgs84.geojson", "VG5000_KRS.gpkg", "VG5000_KRS.shp", "village.osm",
            "vereine-bindlach.csv", "raeume.xlsx"})
    void aTruncatedFileFailsClearlyAndChangesNothing(String name, TestSchema db, @TempDir Path dir) throws Exception {
        Path whole = whole(name, dir);
        Path cut = dir.resolve("cut").resolve(name);
        Files.createDirectories(cut.getParent());
        if (name.endsWith(".shp")) {
            copyShapefile("VG5000_KRS", cut.getParent());
        }
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(cut, Arrays.copyOf(bytes, name.endsWith(".csv") ? indexOfLast(bytes, '"') : bytes.length / 2));
        String before = fingerprint(db);
        // replaceSource: other tests imported the whole file under its own licence; this one is about reading.
        ImportResult r = Imports.importFile(db.dataSource(), cut, ImportOptions.builder().kind(
                name.endsWith(".csv") ? "club" : null).licence("CC0-1.0").attribution("test").replaceSource(true).build());
        assertThat(r.status()).as(r.error()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(r.error()).startsWith(name + ": ").containsAnyOf("truncated", "corrupt", "never closed");
        assertThat(fingerprint(db)).isEqualTo(before);
    }

    @Test
    void excelProblemsNameTheFileSheetRowAndColumn(TestSchema db, @TempDir Path dir) throws Exception {
        var sheets = new LinkedHashMap<String, List<List<Object>>>();
        sheets.put("Räume", List.of(
                List.of("ID", "Bezeichnung", "Art", "lon", "lat"),
                List.of(1, "Saal", "meeting_room", 11.6, 49.98),
                Arrays.asList(2, "Keller", "meeting_room", 11.61, 49.98, null, "Notiz ohne Spalte"),
                List.of(3, "Scheune", new XlsxFixture.Unreadable("Raum"), 11.62, 49.98)));
        sheets.put("Leer", List.of());
        Path xlsx = XlsxFixture.write(dir.resolve("raeume.xlsx"), sheets);

        ImportResult r = Imports.importFile(db.dataSource(), xlsx, LIST).orThrow();
        assertThat(r.problems(Problem.Action.REJECTED)).extracting(Problem::toString).containsExactly(
                "raeume.xlsx line 3: the row has a value in column G, which has no header (rejected)",
                "raeume.xlsx line 4: the row has a value in column C that is not what its cell type says (rejected)");
        assertThat(Imports.importFile(db.dataSource(), xlsx, LIST.toBuilder().layer("Tabelle2").build()).error())
                .isEqualTo("raeume.xlsx: has no worksheet 'Tabelle2' (its sheets: Räume, Leer)");
        assertThat(Imports.importFile(db.dataSource(), xlsx, LIST.toBuilder().layer("leer").build()).error())
                .isEqualTo("raeume.xlsx: worksheet 'Leer' is empty");
        Path notAWorkbook = Files.writeString(dir.resolve("liste.xlsx"), "id;name\n1;Saal\n");
        assertThat(Imports.importFile(db.dataSource(), notAWorkbook, LIST).error())
                .startsWith("liste.xlsx: not an .xlsx workbook, or truncated or corrupt (");
    }

    @Test
    void anUnknownFormatIsNamed(@TempDir Path dir, TestSchema db) throws Exception {
        ImportResult r = Imports.importFile(db.dataSource(), Files.writeString(dir.resolve("notes.doc"), "hello"));
        assertThat(r.status()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(r.error()).startsWith("notes.doc: unknown format (known: .osm.pbf, .osm, .shp, .geojson, .gpkg");
    }

    @Test
    void aFileWithoutALicenceIsRefusedBeforeAnythingIsRead(TestSchema db) throws Exception {
        ImportResult r = Imports.importFile(db.dataSource(), fixture("vereine-bindlach.csv"),
                ImportOptions.builder().kind("club").build());
        assertThat(r.status()).isEqualTo(ImportResult.Status.FAILED);
        assertThat(r.error()).startsWith("a licence is required");
    }

    private static Path whole(String name, Path dir) throws Exception {
        return switch (name) {
            case "village.osm", "vereine-bindlach.csv" -> fixture(name);
            case "raeume.xlsx" -> XlsxFixture.write(dir.resolve(name), "Räume", List.of(
                    List.of("ID", "Bezeichnung", "Art", "lon", "lat"),
                    List.of(1, "Saal", "meeting_room", 11.6, 49.98)));
            default -> TestData.path("vg5000/" + name);
        };
    }

    private static int indexOfLast(byte[] bytes, char c) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == c) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + c);
    }

    private static Path copyShapefile(String base, Path dir) throws Exception {
        for (String ext : new String[] {"shp", "shx", "dbf", "prj", "cpg"}) {
            Files.copy(TestData.path("vg5000/" + base + "." + ext), dir.resolve(base + "." + ext),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return dir.resolve(base + ".shp");
    }
}
