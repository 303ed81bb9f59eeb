package de.ortsanker.imports;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds as the database defines them at the start of a run (the {@code kinds} table is the
 * authority, including detail fields added by later migrations), so records can be checked before they
 * are staged and a rejection can name the record rather than abort the merge.
 */
public final class Vocabulary {

    /** A kind: which geometry it takes (point, area or any), whether it needs a name, its detail fields. */
    public record KindInfo(String code, String geometry, boolean nameRequired, Map<String, String> detailTypes,
                           String labelDe, String labelEn) {

        public boolean takesPoint() {
            return !geometry.equals("area");
        }

        public boolean takesArea() {
            return !geometry.equals("point");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, KindInfo> byCode;
    private final Map<String, KindInfo> byLabel = new LinkedHashMap<>();

    private Vocabulary(Map<String, KindInfo> byCode) {
        this.byCode = byCode;
        for (KindInfo k : byCode.values()) {
            byLabel.put(k.labelDe().toLowerCase(Locale.GERMAN), k);
            byLabel.put(k.labelEn().toLowerCase(Locale.ENGLISH), k);
        }
    }

    public static Vocabulary load(Connection c) throws SQLException {
        var kinds = new LinkedHashMap<String, KindInfo>();
        try (var st = c.createStatement();
             var rs = st.executeQuery("select code, geometry, name_required, details_schema::text, label_de, label_en"
                     + " from kinds order by code")) {
            while (rs.next()) {
                Map<String, String> types;
                try {
                    types = JSON.readValue(rs.getString(4), new TypeReference<LinkedHashMap<String, String>>() { });
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new SQLException("kinds.details_schema of " + rs.getString(1) + " is not a JSON object", e);
                }
                kinds.put(rs.getString(1), new KindInfo(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        Map.copyOf(types), rs.getString(5), rs.getString(6)));
            }
        }
        return new Vocabulary(kinds);
    }

    /** A kind by its code, or by its German or English label (case-insensitive): "club", "Verein", "Village hall". */
    public Optional<KindInfo> kind(String codeOrLabel) {
        if (codeOrLabel == null) {
            return Optional.empty();
        }
        String s = codeOrLabel.trim();
        KindInfo k = byCode.get(s);
        if (k == null) {
            k = byCode.get(s.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        }
        if (k == null) {
            k = byLabel.get(s.toLowerCase(Locale.GERMAN));
        }
        return Optional.ofNullable(k);
    }

    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }
}
