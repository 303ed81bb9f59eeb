package de.ortsanker.imports.osm;

import de.ortsanker.imports.ImportFailure;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads OSM XML (.osm, .osm.gz) as a stream. A malformed or truncated file fails with its line and column.
 * Entities and DTDs are not resolved (no external access from a file's content).
 */
final class OsmXmlReader {

    /** Opens the file's (decompressed) bytes. */
    interface Opener {
        InputStream open() throws IOException;
    }

    private final String name;
    private final Opener opener;

    OsmXmlReader(Path file, Opener opener) {
        this.name = file.getFileName().toString();
        this.opener = opener;
    }

    static InputStream decompressed(Path file, InputStream raw) throws IOException {
        String n = file.getFileName().toString().toLowerCase();
        if (n.endsWith(".gz")) {
            return new GZIPInputStream(raw, 1 << 16);
        }
        if (n.endsWith(".bz2")) {
            raw.close();
            throw new ImportFailure(file.getFileName() + ": bzip2 is not supported; decompress it first (bunzip2)");
        }
        return new BufferedInputStream(raw, 1 << 16);
    }

    void read(OsmHandler handler) throws IOException {
        parse(handler, false);
    }

    void readWays(OsmHandler handler) throws IOException {
        parse(handler, true);
    }

    private void parse(OsmHandler handler, boolean waysOnly) throws IOException {
        var factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = opener.open()) {
            XMLStreamReader x = factory.createXMLStreamReader(in);
            boolean rootSeen = false;
            String element = null;
            long id = 0;
            int lon7 = 0;
            int lat7 = 0;
            long time = 0;
            List<String> tags = new ArrayList<>();
            List<Long> refs = new ArrayList<>();
            List<String> roles = new ArrayList<>();
            StringBuilder types = new StringBuilder();
            while (x.hasNext()) {
                int event = x.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String tag = x.getLocalName();
                    if (!rootSeen) {
                        if (!tag.equals("osm") && !tag.equals("osmChange")) {
                            throw new ImportFailure(name + ": not OSM XML (the root element is <" + tag + ">)");
                        }
                        if (tag.equals("osmChange")) {
                            throw new ImportFailure(name + ": a change file (osmChange) cannot be imported; use an extract");
                        }
                        rootSeen = true;
                        continue;
                    }
                    switch (tag) {
                        case "node", "way", "relation" -> {
                            element = tag;
                            id = parseLong(x, "id");
                            time = timestamp(x);
                            tags.clear();
                            refs.clear();
                            roles.clear();
                            types.setLength(0);
                            if (tag.equals("node")) {
                                lat7 = degrees(x, "lat");
                                lon7 = degrees(x, "lon");
                            }
                        }
                        case "tag" -> {
                            if (element != null) {
                                tags.add(attribute(x, "k"));
                                tags.add(attribute(x, "v"));
                            }
                        }
                        case "nd" -> refs.add(parseLong(x, "ref"));
                        case "member" -> {
                            refs.add(parseLong(x, "ref"));
                            types.append(attribute(x, "type").charAt(0));
                            String role = x.getAttributeValue(null, "role");
                            roles.add(role == null ? "" : role);
                        }
                        default -> { }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && element != null
                        && x.getLocalName().equals(element)) {
                    Tags t = tags.isEmpty() ? Tags.EMPTY : new Tags(tags.toArray(new String[0]));
                    switch (element) {
                        case "node" -> {
                            if (!waysOnly) {
                                handler.node(id, lon7, lat7, t, time);
                            }
                        }
                        case "way" -> handler.way(id, refs.stream().mapToLong(Long::longValue).toArray(), t, time);
                        default -> {
                            if (!waysOnly) {
                                handler.relation(id, refs.stream().mapToLong(Long::longValue).toArray(),
                                        types.toString().toCharArray(), roles.toArray(new String[0]), t, time);
                            }
                        }
                    }
                    element = null;
                }
            }
            if (!rootSeen) {
                throw new ImportFailure(name + ": empty, or not OSM XML");
            }
        } catch (XMLStreamException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
            throw new ImportFailure(name + ": malformed or truncated XML" + where + " ("
                    + e.getMessage().replaceAll("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "")
                    + ")");
        }
    }

    private String attribute(XMLStreamReader x, String name) {
        String v = x.getAttributeValue(null, name);
        if (v == null) {
            throw malformed(x, "<" + x.getLocalName() + "> without " + name);
        }
        return v;
    }

    private long parseLong(XMLStreamReader x, String attr) {
        String v = attribute(x, attr);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw malformed(x, "<" + x.getLocalName() + "> " + attr + "=\"" + v + "\" is not a number");
        }
    }

    private int degrees(XMLStreamReader x, String attr) {
        String v = attribute(x, attr);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d) || Math.abs(d) > 180) {
                throw new NumberFormatException();
            }
            return (int) Math.round(d * 1e7);
        } catch (NumberFormatException e) {
            throw malformed(x, "<" + x.getLocalName() + "> " + attr + "=\"" + v + "\" is not a coordinate");
        }
    }

    private static long timestamp(XMLStreamReader x) {
        String v = x.getAttributeValue(null, "timestamp");
        if (v == null) {
            return 0;
        }
        try {
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    private ImportFailure malformed(XMLStreamReader x, String what) {
        return new ImportFailure(name + ": malformed at line " + x.getLocation().getLineNumber() + ": " + what);
    }

}
