package de.ortsanker.features;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.catalogue.Field;
import de.ortsanker.catalogue.FieldType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;

/** The HTML pages of collections and features, for people who open the API in a browser. */
final class HtmlPages {

    static final MediaType HTML_UTF8 = new MediaType("text", "html", StandardCharsets.UTF_8);

    /** Columns of the items table; the feature page shows all properties. */
    private static final int TABLE_COLUMNS = 6;

    private HtmlPages() {
    }

    static byte[] collection(CollectionDefinition c, CollectionExtents.Extent e, RequestUrls urls) {
        Html h = Html.page(c.title(), crumbs(urls, null), urls.to("/collections/" + c.id(), "json"))
                .element("p", c.description())
                .raw("<p>").link(urls.to("/collections/" + c.id() + "/items", "html"), e.features() + " features")
                .raw(" · ").link(urls.to("/collections/" + c.id() + "/items", "json"), "GeoJSON")
                .raw(" · ").link(urls.to("/collections/" + c.id() + "/queryables", "html"), "Queryables").raw("</p><table>")
                .raw("<tr><th>Id</th><td><code>").text(c.id()).raw("</code></td></tr>");
        if (e.bbox() != null) {
            h.raw("<tr><th>Extent (lon/lat)</th><td>").text(String.format(Locale.ROOT, "%.5f, %.5f – %.5f, %.5f",
                    e.bbox()[0], e.bbox()[1], e.bbox()[2], e.bbox()[3])).raw("</td></tr>");
        }
        if (e.temporal()) {
            h.raw("<tr><th>Valid</th><td>").text(e.start() == null && e.end() == null ? "without time limits"
                    : CollectionDocuments.instant(e.start()) + " – " + CollectionDocuments.instant(e.end())).raw("</td></tr>");
        }
        h.raw("<tr><th>Coordinate reference systems</th><td>");
        Crs.SUPPORTED.forEach(crs -> h.text(crs.title()).raw(" <code>").text(crs.uri()).raw("</code><br>"));
        h.raw("</td></tr><tr><th>Data from</th><td>");
        for (CollectionExtents.Source s : e.sources()) {
            String url = Licences.url(s.licence());
            h.text(s.attribution() + " (" + s.features() + "), licence ");
            if (url == null) {
                h.text(s.licence());
            } else {
                h.link(url, s.licence());
            }
            h.raw("<br>");
        }
        return h.raw("</td></tr></table>").end(CollectionDocuments.attribution(e));
    }

    static byte[] queryables(CollectionDefinition c, Documents.Queryables schema, RequestUrls urls) {
        Html h = Html.page("Queryables of " + c.title(), crumbs(urls, c), urls.to("/collections/" + c.id() + "/queryables", "json"))
                .raw("<p>Filter with <code>filter=</code> (CQL2 text or JSON) or with <code>name=value</code>, e.g. ")
                .link(urls.to("/collections/" + c.id() + "/items", Map.of("f", "html", "filter", "name LIKE 'Dorf%'")),
                        "filter=name LIKE 'Dorf%'")
                .raw(".</p><table><tr><th>Name</th><th>Type</th><th>Description</th></tr>");
        schema.properties().forEach((name, s) -> h.raw("<tr><td><code>").text(name).raw("</code></td><td>")
                .text(s.format() != null ? s.format() : s.type()).raw("</td><td>")
                .text(String.valueOf(s.description())).raw("</td></tr>"));
        return h.raw("</table>").end(null);
    }

    static byte[] items(ObjectMapper json, CollectionDefinition c, FeatureStore.Page page, ItemsQuery q, List<Link> links,
            String attribution, RequestUrls urls) {
        boolean byOffset = q.after() == null && q.before() == null;
        Html h = Html.page(c.title(), crumbs(urls, c), href(links, "alternate"))
                .raw("<p>").text(byOffset
                        ? "Features " + (page.features().isEmpty() ? 0 : q.offset() + 1) + "–"
                                + (q.offset() + page.features().size()) + " of " + page.numberMatched()
                        : page.features().size() + " of " + page.numberMatched() + " features").raw("</p>");
        paging(h, links);
        var rows = new ArrayList<Map<String, Object>>();
        page.features().forEach(f -> rows.add(parse(json, f.properties())));
        // the first properties that say something on this page (an empty column is no use)
        var columns = new ArrayList<String>();
        for (Field p : c.properties()) {
            if (columns.size() < TABLE_COLUMNS && p.type() != FieldType.OBJECT
                    && rows.stream().anyMatch(r -> r.get(p.name()) != null)) {
                columns.add(p.name());
            }
        }
        h.raw("<table><tr><th>id</th>");
        columns.forEach(name -> h.element("th", name));
        h.raw("<th>source</th></tr>");
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> props = rows.get(i);
            long id = page.features().get(i).id();
            h.raw("<tr><td>").link(urls.to("/collections/" + c.id() + "/items/" + id, "html"), String.valueOf(id))
                    .raw("</td>");
            columns.forEach(name -> h.element("td", show(props.get(name))));
            h.element("td", show(props.get("attribution")) + " (" + show(props.get("licence")) + ")").raw("</tr>");
        }
        h.raw("</table>");
        paging(h, links);
        return h.end(attribution);
    }

    static byte[] feature(ObjectMapper json, CollectionDefinition c, FeatureStore.Feature f, Crs crs, List<Link> links,
            RequestUrls urls) {
        Map<String, Object> props = parse(json, f.properties());
        Object name = props.get("name");
        Html h = Html.page(name == null ? c.title() + " " + f.id() : String.valueOf(name), crumbs(urls, c),
                href(links, "alternate")).raw("<table>");
        props.forEach((key, value) -> h.raw("<tr><th>").text(key).raw("</th><td>").text(show(value)).raw("</td></tr>"));
        h.raw("<tr><th>geometry</th><td><code>").text(f.geometry() == null ? null : f.geometry().toString()).raw("</code><br>").text(crs.title()).raw("</td></tr>")
                .raw("</table><p>").link(urls.to("/map/", Map.of()), "Auf der Karte ansehen").raw("</p>");
        return h.end(show(props.get("attribution")));
    }

    private static void paging(Html h, List<Link> links) {
        h.raw("<p class=\"paging\">");
        for (Link l : links) {
            if (l.rel().equals("prev") || l.rel().equals("next")) {
                h.link(l.href(), l.rel().equals("prev") ? "« zurück" : "weiter »");
            }
        }
        h.raw("</p>");
    }

    private static List<Link> crumbs(RequestUrls urls, CollectionDefinition c) {
        var crumbs = new ArrayList<Link>(List.of(new Link(urls.to("/", "html"), "up", Link.HTML, OgcApiRoot.TITLE),
                new Link(urls.to("/collections", "html"), "up", Link.HTML, "Collections")));
        if (c != null) {
            crumbs.add(new Link(urls.to("/collections/" + c.id(), "html"), "up", Link.HTML, c.title()));
        }
        return crumbs;
    }

    private static String href(List<Link> links, String rel) {
        return links.stream().filter(l -> l.rel().equals(rel)).findFirst().map(Link::href).orElse("");
    }

    private static Map<String, Object> parse(ObjectMapper json, RawJson properties) {
        try {
            return json.readValue(properties.asUnquotedUTF8(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("properties from the database are not JSON", e);
        }
    }

    private static String show(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
