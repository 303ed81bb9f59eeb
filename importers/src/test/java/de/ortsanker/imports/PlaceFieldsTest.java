package de.ortsanker.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** The one definition of the place fields: how a staged place row looks, how a file's values become fields. */
class PlaceFieldsTest {

    private static final Provenance PROVENANCE = new Provenance("test", "CC0-1.0", "© Test");
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    @Test
    void aStagedPlaceRowKeepsItsColumnsAndTheirOrderSoThatDigestsStayEqual() {
        var r = new PlaceRecord("k", Origin.line("f.csv", 2));
        r.kind = "library";
        r.name = "Bücherei";
        r.description = "Am\tMarkt";
        r.geometry = WGS84.createPoint(new Coordinate(11.6, 49.98));
        r.addrStreet = "Hauptstraße";
        r.addrHousenumber = "7a";
        r.addrPostcode = "95463";
        r.addrCity = "Bindlach";
        r.openingHours = "Mo-Fr 09:00-12:00";
        r.wheelchair = "limited";
        r.freeEntry = true;
        r.operator = "Gemeinde";
        r.operatorType = "municipality";
        r.contactRole = "Bürgerbüro";
        r.contactPhone = "+49 9208 123";
        r.contactEmail = "info@example.org";
        r.contactIsPublic = true;
        r.website = "https://example.org";
        r.capacity = 40;
        r.equipment = List.of("beamer", "kü\"che");
        r.bookingUrl = "https://book";
        r.targetGroups = List.of("senioren");
        r.validFrom = LocalDate.of(2025, 1, 1);
        r.validTo = LocalDate.of(2025, 12, 31);
        r.details.put("b", "x");
        r.details.put("a", 1);
        r.isPublic = false;
        r.sourceUrl = "https://src";
        r.lastVerified = LocalDate.of(2024, 5, 12);
        var row = new CopyRow();
        r.write(row, PROVENANCE);

        // The text the digest (import_hash) of every place imported so far was made of.
        assertThat(row.data()).isEqualTo(String.join("\t", "library", "Bücherei", "Am\\tMarkt",
                "0101000020e610000033333333333327403d0ad7a370fd4840", "Hauptstraße", "7a", "95463", "Bindlach",
                "Mo-Fr 09:00-12:00", "limited", "t", "Gemeinde", "municipality", "Bürgerbüro", "+49 9208 123",
                "info@example.org", "t", "https://example.org", "40", "{\"beamer\",\"kü\\\\\"che\"}", "https://book",
                "{\"senioren\"}", "2025-01-01", "2025-12-31", "{\"a\":1,\"b\":\"x\"}", "f", "CC0-1.0", "© Test",
                "https://src", "2024-05-12", "\\N"));
        assertThat(Target.PLACES.columns()).containsExactly("kind", "name", "description", "geom", "addr_street",
                "addr_housenumber", "addr_postcode", "addr_city", "opening_hours", "wheelchair", "free_entry",
                "operator", "operator_type", "contact_role", "contact_phone", "contact_email", "contact_is_public",
                "website", "capacity", "equipment", "booking_url", "target_groups", "valid_from", "valid_to", "details",
                "is_public", "licence", "attribution", "source_url", "last_verified", "source_edited");
    }

    @Test
    void aFilesValuesAreReadAsTheFieldsTypeSaysAndWhatDoesNotFitIsDroppedWithANote() {
        var r = new PlaceRecord("k", Origin.line("f.csv", 2));
        var problems = new ArrayList<Problem>();
        PlaceFields.set(r, "capacity", "1.234", problems::add);
        PlaceFields.set(r, "addr_postcode", 1067.0, problems::add);
        PlaceFields.set(r, "addr_housenumber", 12.0, problems::add);
        PlaceFields.set(r, "wheelchair", true, problems::add);
        PlaceFields.set(r, "equipment", "beamer; küche, wlan", problems::add);
        PlaceFields.set(r, "valid_from", "12.05.2024", problems::add);
        PlaceFields.set(r, "is_public", "vielleicht", problems::add);
        PlaceFields.set(r, "free_entry", "vielleicht", problems::add);
        PlaceFields.set(r, "last_verified", "Mai 2024", problems::add);
        PlaceFields.set(r, "name", "   ", problems::add);

        assertThat(r.capacity).isEqualTo(1234);
        assertThat(r.addrPostcode).isEqualTo("01067");
        assertThat(r.addrHousenumber).isEqualTo("12");
        assertThat(r.wheelchair).isEqualTo("yes");
        assertThat(r.equipment).containsExactly("beamer", "küche", "wlan");
        assertThat(r.validFrom).isEqualTo(LocalDate.of(2024, 5, 12));
        assertThat(r.isPublic).isTrue();
        assertThat(r.freeEntry).isNull();
        assertThat(r.name).isNull();
        assertThat(problems).extracting(Problem::toString).containsExactly(
                "f.csv line 2, is_public: 'vielleicht' is not yes or no; imported without it (field dropped)",
                "f.csv line 2, free_entry: 'vielleicht' is not yes or no; imported without it (field dropped)",
                "f.csv line 2, last_verified: 'Mai 2024' is not a date (2024-05-12 or 12.05.2024); imported without"
                        + " it (field dropped)");
        assertThat(PlaceFields.set(r, "geom", "POINT (1 2)", problems::add)).as("not a field a file gives").isFalse();
    }

    @Test
    void theOsmMappingMayFillTheFieldsATagDescribes() {
        assertThat(PlaceFields.osmNames()).contains("name", "opening_hours", "wheelchair", "capacity")
                .doesNotContain("kind", "equipment", "valid_from", "source_url", "geom");
        assertThat(PlaceFields.names()).containsAll(PlaceFields.osmNames()).doesNotContain("geom", "details",
                "licence", "attribution");
    }
}
