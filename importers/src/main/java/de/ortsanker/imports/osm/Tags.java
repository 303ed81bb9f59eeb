package de.ortsanker.imports.osm;

import java.util.ArrayList;
import java.util.List;

/** An OSM element's tags: few, so a flat array searched in order beats a hash map. */
public final class Tags {

    public static final Tags EMPTY = new Tags(new String[0]);

    private final String[] keysAndValues;

    /** @param keysAndValues key, value, key, value … */
    public Tags(String[] keysAndValues) {
        this.keysAndValues = keysAndValues;
    }

    public static Tags of(String... keysAndValues) {
        return new Tags(keysAndValues.clone());
    }

    public String get(String key) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i].equals(key)) {
                return keysAndValues[i + 1];
            }
        }
        return null;
    }

    /** The value of the first of the keys that is present. */
    public String first(List<String> keys) {
        for (String k : keys) {
            String v = get(k);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** Suffixes of keys "prefix:suffix" (one level) whose value is not "no" or "0": socket:type2=2 → type2. */
    public List<String> suffixesOf(String prefix) {
        var out = new ArrayList<String>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String k = keysAndValues[i];
            if (k.startsWith(prefix) && k.length() > prefix.length() && k.indexOf(':', prefix.length()) < 0) {
                String v = keysAndValues[i + 1];
                if (!v.equals("no") && !v.equals("0")) {
                    out.add(k.substring(prefix.length()));
                }
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return keysAndValues.length == 0;
    }

    public int size() {
        return keysAndValues.length / 2;
    }

    @Override
    public String toString() {
        var sb = new StringBuilder("{");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            sb.append(i == 0 ? "" : ", ").append(keysAndValues[i]).append('=').append(keysAndValues[i + 1]);
        }
        return sb.append('}').toString();
    }
}
