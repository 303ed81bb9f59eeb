package de.ortsanker.features;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A small HTML writer: every text goes through {@link #text}, every attribute through {@link #attr}, so
 * data from the database or the request can never become markup.
 */
final class Html {

    private final StringBuilder sb = new StringBuilder(4096);

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        var out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Opens the page: title, a little CSS, breadcrumbs and a link to the JSON form of the page. */
    static Html page(String title, List<Link> breadcrumbs, String jsonHref) {
        var h = new Html();
        h.raw("<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<title>").text(title).raw(" – Ortsanker</title><style>")
                .raw("body{font-family:system-ui,sans-serif;max-width:72rem;margin:0 auto;padding:1rem;color:#1d2a33;"
                        + "line-height:1.45}a{color:#0b5cad}nav{font-size:.9rem;margin-bottom:1rem}"
                        + "table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border-bottom:1px solid #d5dde3;"
                        + "padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eef3f6}"
                        + ".map{display:inline-block;background:#0b5cad;color:#fff;padding:.7rem 1.2rem;border-radius:.4rem;"
                        + "text-decoration:none;font-size:1.2rem;margin:.5rem 0}footer{margin-top:2rem;font-size:.8rem;"
                        + "color:#56636d}code{background:#eef3f6;padding:0 .2rem}.paging a{margin-right:1rem}")
                .raw("</style></head><body><nav>");
        for (int i = 0; i < breadcrumbs.size(); i++) {
            h.raw(i == 0 ? "" : " › ").link(breadcrumbs.get(i).href(), breadcrumbs.get(i).title());
        }
        h.raw(breadcrumbs.isEmpty() ? "" : " · ").link(jsonHref, "JSON").raw("</nav><h1>").text(title).raw("</h1>");
        return h;
    }

    Html raw(String html) {
        sb.append(html);
        return this;
    }

    Html text(String s) {
        sb.append(escape(s));
        return this;
    }

    Html attr(String s) {
        return text(s);
    }

    Html link(String href, String label) {
        return raw("<a href=\"").attr(href).raw("\">").text(label).raw("</a>");
    }

    Html element(String tag, String text) {
        return raw("<" + tag + ">").text(text).raw("</" + tag + ">");
    }

    /** Closes the page with the data's attribution. */
    byte[] end(String attribution) {
        raw("<footer>");
        if (attribution != null && !attribution.isBlank()) {
            raw("Daten: ").text(attribution).raw(" · ");
        }
        raw("Ortsanker · OGC API Features").raw("</footer></body></html>");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
