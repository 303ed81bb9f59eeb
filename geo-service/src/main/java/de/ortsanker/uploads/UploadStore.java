package de.ortsanker.uploads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ortsanker.imports.Uploads;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The uploads table (V110): a list's file between its dry run and its confirmation, and both reports. */
@Component
class UploadStore {

    /** An upload as stored: whose, which list, the file (until it is imported) and what its runs said. */
    record Stored(UUID id, long accountId, String ags, String list, String source, String licence, String attribution,
                  String fileName, byte[] content, String sha256, String sourceState, Uploads.Report dryRun,
                  OffsetDateTime createdAt, OffsetDateTime confirmedAt, Uploads.Report result) {

        Uploads.MunicipalList municipalList() {
            return new Uploads.MunicipalList(ags, list, licence, attribution);
        }
    }

    private static final String INSERT = """
            insert into uploads (id, account_id, ags, list, source, licence, attribution, file_name, content, sha256,
                                 source_state, dry_run)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

    private static final String SELECT = """
            select id, account_id, ags, list, source, licence, attribution, file_name, content, sha256, source_state,
                   dry_run::text as dry_run, created_at, confirmed_at, result::text as result
              from uploads""";

    /** The row, locked until the transaction ends: one confirmation at a time. */
    private static final String LOCK = "select id from uploads where id = ? for update";

    /** Confirmed: the result kept, the file dropped (the run keeps its checksum). */
    private static final String CONFIRMED = """
            update uploads set confirmed_at = now(), result = ?::jsonb, content = null where id = ?""";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    UploadStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(UUID id, long account, Uploads.MunicipalList list, String fileName, byte[] content, String sha256,
             String sourceState, Uploads.Report dryRun) {
        jdbc.update(INSERT, id, account, list.ags(), list.list(), list.source(), list.licence(), list.attribution(),
                fileName, content, sha256, sourceState, write(dryRun));
    }

    Optional<Stored> get(UUID id) {
        return jdbc.query(SELECT + " where id = ?", (rs, i) -> new Stored(rs.getObject("id", UUID.class),
                rs.getLong("account_id"), rs.getString("ags"), rs.getString("list"), rs.getString("source"),
                rs.getString("licence"), rs.getString("attribution"), rs.getString("file_name"), rs.getBytes("content"),
                rs.getString("sha256"), rs.getString("source_state"), read(rs.getString("dry_run")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("confirmed_at", OffsetDateTime.class),
                read(rs.getString("result"))), id).stream().findFirst();
    }

    /** Locks the upload's row for the rest of the transaction and reads it again. */
    Optional<Stored> locked(UUID id) {
        List<UUID> found = jdbc.queryForList(LOCK, UUID.class, id);
        return found.isEmpty() ? Optional.empty() : get(id);
    }

    void confirmed(UUID id, Uploads.Report result) {
        jdbc.update(CONFIRMED, write(result), id);
    }

    private String write(Uploads.Report report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Uploads.Report read(String text) {
        try {
            return text == null ? null : json.readValue(text, Uploads.Report.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an upload's report cannot be read", e);
        }
    }
}
