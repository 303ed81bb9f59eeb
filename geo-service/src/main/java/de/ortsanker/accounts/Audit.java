package de.ortsanker.accounts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log: sign-ins, failed sign-ins, lockouts, accounts, role changes, token creation, use and
 * revocation, publications. Written right after what it records succeeded; read (JSON) and exported (CSV)
 * by administrators only.
 */
@Component
public class Audit {

    /** One event, as administrators read it. */
    public record Event(long id, OffsetDateTime at, String event, String actor, String subject, JsonNode detail,
                        String remoteAddress) {
    }

    private static final String INSERT = """
            insert into audit_events (event, actor, subject, detail, remote_address)
            values (?, ?, ?, ?::jsonb, ?)""";

    private static final String SELECT = """
            select id, at, event, actor, subject, detail::text as detail, remote_address
              from audit_events
             where (?::text is null or event = ?)
               and (?::text is null or actor = ? or subject = ?)
               and (?::timestamptz is null or at >= ?)
             order by id desc
             limit ?""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public Audit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String event, String actor, String subject, Map<String, ?> detail) {
        try {
            jdbc.update(INSERT, event, actor, subject, json.writeValueAsString(detail), remoteAddress());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Newest first; each filter optional. */
    public List<Event> events(String event, String login, OffsetDateTime since, int limit) {
        var out = new ArrayList<Event>();
        jdbc.query(SELECT, rs -> {
            try {
                out.add(new Event(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("event"),
                        rs.getString("actor"), rs.getString("subject"), json.readTree(rs.getString("detail")),
                        rs.getString("remote_address")));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }, event, event, login, login, login, since, since, limit);
        return out;
    }

    /** The client's address when called while answering a request (behind the proxy: forwarded, see server config). */
    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest().getRemoteAddr();
        }
        return null;
    }
}
