package de.ortsanker.planning.rules;

import de.ortsanker.service.InvalidParameter;
import de.ortsanker.vocabulary.Group;
import de.ortsanker.vocabulary.Kind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a planner asks about: one or more kinds or groups of places, any of which will do —
 * {@code third_place} (a whole group), {@code mitfahrbank|bus_stop} (either kind). Where a code names both a
 * group and a kind ({@code club}, {@code meeting_room}) it means the group; {@code kind:club} is the kind alone.
 */
public record Target(String label, Set<Kind> kinds) {

    public Target {
        kinds = Set.copyOf(kinds);
    }

    /** Parses a target as written in a request; names the parameter when it cannot. */
    public static Target parse(String text, String parameter) {
        if (text == null || text.isBlank()) {
            throw new InvalidParameter(parameter, "names no kind or group (e.g. third_place, mitfahrbank|bus_stop)");
        }
        EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (String part : text.trim().split("\\|", -1)) {
            kinds.addAll(resolve(part.trim(), parameter));
        }
        return new Target(text.trim(), kinds);
    }

    private static Set<Kind> resolve(String code, String parameter) {
        if (code.startsWith("kind:")) {
            return Kind.fromCode(code.substring(5)).map(Set::of).orElseThrow(() -> unknown(code, parameter));
        }
        String bare = code.startsWith("group:") ? code.substring(6) : code;
        var group = Group.fromCode(bare);
        if (group.isPresent()) {
            return Set.copyOf(Kind.inGroup(group.get()));
        }
        if (code.startsWith("group:")) {
            throw unknown(code, parameter);
        }
        return Kind.fromCode(code).map(Set::of).orElseThrow(() -> unknown(code, parameter));
    }

    private static InvalidParameter unknown(String code, String parameter) {
        return new InvalidParameter(parameter, "'" + code + "' is neither a kind nor a group; groups: "
                + Arrays.stream(Group.values()).map(Group::code).collect(Collectors.joining(", "))
                + "; kinds: " + Arrays.stream(Kind.values()).map(Kind::code).collect(Collectors.joining(", ")));
    }

    /** The kind codes, sorted, for SQL and for stating the input. */
    public String[] kindCodes() {
        return kinds.stream().map(Kind::code).sorted().toArray(String[]::new);
    }

    /** The layers (kind groups) whose data this target reads, for data versions. */
    public Set<String> layers() {
        return kinds.stream().map(k -> k.group().code()).collect(Collectors.toSet());
    }
}
