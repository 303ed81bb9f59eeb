package de.ortsanker.imports;

import org.locationtech.jts.geom.Point;

/** An address with its location, for geocoding lists that have addresses only. */
public final class AddressRecord extends StagedRecord {

    public String street;
    public String housenumber;
    public String postcode;
    public String city;
    /** In EPSG:4326. */
    public Point point;

    public AddressRecord(String sourceId, Origin origin) {
        super(Target.ADDRESSES, sourceId, origin);
    }

    @Override
    void write(CopyRow row, Provenance provenance) {
        row.text(street).text(housenumber).text(postcode).text(city).geometry(point)
                .text(provenance.licence()).text(provenance.attribution());
    }
}
