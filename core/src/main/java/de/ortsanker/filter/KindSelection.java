package de.ortsanker.filter;

import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.vocabulary.Group;
import de.ortsanker.vocabulary.Kind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code kinds=} means, everywhere: a comma-separated list of layer ids (a whole group, e.g.
 * {@code clubs}) and kind codes (one kind, e.g. {@code mitfahrbank}). Layer ids and kind codes never
 * coincide (a test keeps it so), so a code names exactly one thing. {@code kind:club} forces the kind and
 * {@code group:clubs} the group, for readers who prefer to be explicit.
 *
 * <p>The group codes used before layers had one id ({@code third_place}, {@code vacant}) are understood for
 * one release and reported as deprecated; {@code club} and {@code meeting_room} always were kind codes in the
 * places API and the tiles, and stay so.
 */
public final class KindSelection {

    /**
     * The codes groups had before they took their layer's id, understood until they are removed. A bare
     * {@code club} or {@code meeting_room} is the kind (it always was, outside planning); with
     * {@code group:} it is the group.
     */
    static final Map<String, Group> OLD_GROUP_CODES = Map.of(
            "third_place", Group.THIRD_PLACE,
            "club", Group.CLUB,
            "meeting_room", Group.MEETING_ROOM,
            "vacant", Group.VACANT);

    private KindSelection() {
    }

    /** A parsed selection: the kinds it stands for, and the deprecated codes it used (to say so). */
    public record Parsed(Set<Kind> kinds, List<String> deprecated) {
        public Parsed {
            kinds = Set.copyOf(kinds);
            deprecated = List.copyOf(deprecated);
        }
    }

    /** Parses a comma-separated list; blank parts are ignored, an unknown code is a 400 naming the parameter. */
    public static Parsed parse(String raw, String parameter) {
        return parse(raw, ",", parameter);
    }

    /** Parses a list joined by {@code separator} (planning targets join with {@code |}). */
    public static Parsed parse(String raw, String separator, String parameter) {
        EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
        List<String> deprecated = new java.util.ArrayList<>();
        if (raw != null) {
            for (String part : raw.split(java.util.regex.Pattern.quote(separator), -1)) {
                String code = part.strip();
                if (!code.isEmpty()) {
                    kinds.addAll(resolve(code, parameter, deprecated));
                }
            }
        }
        return new Parsed(kinds, deprecated);
    }

    /** The kinds one code stands for. */
    public static Set<Kind> resolve(String code, String parameter, List<String> deprecated) {
        if (code.startsWith("kind:")) {
            return Kind.fromCode(code.substring(5)).map(Set::of).orElseThrow(() -> unknown(code, parameter));
        }
        if (code.startsWith("group:")) {
            return group(code.substring(6), deprecated).map(g -> Set.copyOf(Kind.inGroup(g)))
                    .orElseThrow(() -> unknown(code, parameter));
        }
        Optional<Kind> kind = Kind.fromCode(code);
        if (kind.isPresent()) {
            return Set.of(kind.get());
        }
        return group(code, deprecated).map(g -> Set.copyOf(Kind.inGroup(g))).orElseThrow(() -> unknown(code, parameter));
    }

    private static Optional<Group> group(String code, List<String> deprecated) {
        Optional<Group> group = Group.fromCode(code);
        if (group.isPresent()) {
            return group;
        }
        Group old = OLD_GROUP_CODES.get(code);
        if (old != null) {
            deprecated.add(code);
        }
        return Optional.ofNullable(old);
    }

    private static InvalidParameter unknown(String code, String parameter) {
        return new InvalidParameter(parameter, "'" + code + "' is neither a layer nor a kind; layers: "
                + Arrays.stream(Group.values()).map(Group::code).collect(Collectors.joining(", "))
                + "; kinds: " + Arrays.stream(Kind.values()).map(Kind::code).collect(Collectors.joining(", "))
                + " (listed with their names at /kinds)");
    }
}
