package de.ortsanker.imports.geopackage;

import de.ortsanker.imports.geometry.DeclaredExtent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The GeoPackage geometry encoding (spec. 2.1.3): a header — "GP", version, flags, SRS id, an optional
 * envelope — followed by standard WKB.
 */
final class GeoPackageBinary {

    /** A blob that is not a readable GeoPackage geometry. */
    static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final WKBReader wkb = new WKBReader(new GeometryFactory());
    private DeclaredExtent envelopeOfLast;

    /** The envelope the last geometry read declares in its header, or null when it has none. */
    DeclaredExtent envelopeOfLast() {
        return envelopeOfLast;
    }

    Geometry read(byte[] blob) throws Unreadable {
        envelopeOfLast = null;
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new Unreadable("not a GeoPackage geometry (no \"GP\" header)");
        }
        int flags = blob[3] & 0xff;
        if ((flags & 0x20) != 0) {
            throw new Unreadable("an extended (non-standard) GeoPackage geometry type, which is not supported");
        }
        int envelope = (flags >> 1) & 0x07;
        int envelopeBytes = switch (envelope) {
            case 0 -> 0;
            case 1 -> 32;
            case 2, 3 -> 48;
            case 4 -> 64;
            default -> throw new Unreadable("an invalid envelope indicator (" + envelope + ")");
        };
        ByteOrder order = (flags & 0x01) != 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer header = ByteBuffer.wrap(blob).order(order);
        header.getInt(4);           // the SRS id: the layer's, checked by the caller
        int start = 8 + envelopeBytes;
        // The envelope (minx, maxx, miny, maxy, …) the writer computed from the geometry's own coordinates.
        envelopeOfLast = envelopeBytes == 0 || blob.length < start ? null : DeclaredExtent.exact(header.getDouble(8),
                header.getDouble(24), header.getDouble(16), header.getDouble(32), "this geometry (its envelope)");
        if (blob.length <= start) {
            if ((flags & 0x10) != 0) {
                return new GeometryFactory().createGeometryCollection();     // flagged empty
            }
            throw new Unreadable("a geometry cut short (" + blob.length + " bytes)");
        }
        byte[] body = new byte[blob.length - start];
        System.arraycopy(blob, start, body, 0, body.length);
        try {
            return wkb.read(body);
        } catch (ParseException | RuntimeException e) {
            throw new Unreadable("its WKB cannot be read (" + e.getMessage() + ")");
        }
    }
}
