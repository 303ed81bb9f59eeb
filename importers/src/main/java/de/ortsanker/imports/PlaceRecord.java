package de.ortsanker.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;

/**
 * A place as a source describes it, before it is checked and staged: the columns of {@code places}
 * that imports fill ({@link PlaceFields} defines them). Mappings set the fields they know; the rest stay null.
 */
public final class PlaceRecord extends StagedRecord {

    private static final ObjectMapper JSON = new ObjectMapper();

    public String kind;
    public String name;
    public String description;
    /** In EPSG:4326 once checked. */
    public Geometry geometry;
    public String addrStreet;
    public String addrHousenumber;
    public String addrPostcode;
    public String addrCity;
    public String openingHours;
    public String wheelchair;
    public Boolean freeEntry;
    public String operator;
    public String operatorType;
    public String contactRole;
    public String contactPhone;
    public String contactEmail;
    public boolean contactIsPublic;
    public String website;
    public Integer capacity;
    public List<String> equipment = new ArrayList<>();
    public String bookingUrl;
    public List<String> targetGroups = new ArrayList<>();
    public LocalDate validFrom;
    public LocalDate validTo;
    /** Kind-specific attributes; sorted so that equal details give an equal digest. */
    public final SortedMap<String, Object> details = new TreeMap<>();
    public boolean isPublic = true;
    public String sourceUrl;
    /** When someone last checked the record (a real check, e.g. OSM's check_date); not an edit date. */
    public LocalDate lastVerified;
    /** When the source last edited the record (OSM: the element's timestamp). */
    public LocalDate sourceEdited;

    public PlaceRecord(String sourceId, Origin origin) {
        super(Target.PLACES, sourceId, origin);
    }

    /** The same place under another source id (several elements of a source that are one place). */
    public PlaceRecord as(String sourceId) {
        var r = new PlaceRecord(sourceId, origin);
        r.kind = kind;
        r.name = name;
        r.description = description;
        r.geometry = geometry;
        r.addrStreet = addrStreet;
        r.addrHousenumber = addrHousenumber;
        r.addrPostcode = addrPostcode;
        r.addrCity = addrCity;
        r.openingHours = openingHours;
        r.wheelchair = wheelchair;
        r.freeEntry = freeEntry;
        r.operator = operator;
        r.operatorType = operatorType;
        r.contactRole = contactRole;
        r.contactPhone = contactPhone;
        r.contactEmail = contactEmail;
        r.contactIsPublic = contactIsPublic;
        r.website = website;
        r.capacity = capacity;
        r.equipment = new ArrayList<>(equipment);
        r.bookingUrl = bookingUrl;
        r.targetGroups = new ArrayList<>(targetGroups);
        r.validFrom = validFrom;
        r.validTo = validTo;
        r.details.putAll(details);
        r.isPublic = isPublic;
        r.sourceUrl = sourceUrl;
        r.lastVerified = lastVerified;
        r.sourceEdited = sourceEdited;
        return r;
    }

    @Override
    void write(CopyRow row, Provenance provenance) {
        PlaceFields.write(this, provenance, row);
    }

    public String detailsJson() {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("details of " + key + " cannot be written as JSON", e);
        }
    }
}
