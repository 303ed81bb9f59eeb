package de.ortsanker.uploads;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import de.ortsanker.accounts.Action;
import de.ortsanker.accounts.Actor;
import de.ortsanker.accounts.Audit;
import de.ortsanker.accounts.NotSignedIn;
import de.ortsanker.accounts.Permissions;
import de.ortsanker.accounts.Place;
import de.ortsanker.accounts.Roles;
import de.ortsanker.imports.Uploads;
import de.ortsanker.problem.InvalidParameter;
import de.ortsanker.problem.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A steward uploads their municipality's list (CSV or Excel): {@code POST /uploads} checks it by a dry run of
 * the importers ({@link Uploads}) and keeps the file; {@code POST /uploads/{id}/confirm} imports exactly that
 * file — refused when its source changed in between. The list's source is named by the municipality and the
 * list, and the upload is the account's; who may do it is {@link Permissions}' decision (editing places of
 * that municipality), at the dry run and again at the confirmation.
 */
@RestController
@EnableConfigurationProperties(UploadSettings.class)
@Tag(name = "Uploading municipal lists", description = "A municipality's steward uploads the municipality's list of"
        + " places (CSV or Excel, the importers' columns: name, kind, address, lon/lat or WKT …): first a dry run that"
        + " reports what would be added, updated, retired and rejected (file, line, field, reason) and stores nothing,"
        + " then the confirmation that imports exactly that file. The list is the whole source 'gemeinde-<AGS>-<list>'"
        + " (places missing from next month's list are retired); rows outside the municipality are rejected. Needs a"
        + " session (with CSRF token) or 'Authorization: Bearer' with a token of scope edit, and the role"
        + " municipality_steward for the AGS (or county_administrator).")
public class UploadController {

    private static final Pattern AGS = Pattern.compile("[0-9]{8}|[0-9]{12}");
    private static final Pattern LIST = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final int MAX_TEXT = 300;

    private final Permissions permissions;
    private final Roles roles;
    private final Audit audit;
    private final UploadStore store;
    private final UploadSettings settings;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public UploadController(Permissions permissions, Roles roles, Audit audit, UploadStore store, UploadSettings settings,
                            DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.permissions = permissions;
        this.roles = roles;
        this.audit = audit;
        this.store = store;
        this.settings = settings;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** An upload as its owner sees it. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UploadView(UUID id, String ags, String municipality, String list, String source, String licence,
                             String attribution, String file, String sha256,
                             @JsonProperty("created_at") OffsetDateTime createdAt,
                             @JsonProperty("confirmed_at") OffsetDateTime confirmedAt,
                             @JsonProperty("dry_run") Uploads.Report dryRun, Uploads.Report result, String confirm) {
    }

    /** What the upload page needs to know of the signed-in account. */
    public record Session(String login, @JsonProperty("county_administrator") boolean countyAdministrator,
                          List<String> municipalities, @JsonProperty("max_bytes") long maxBytes,
                          @JsonProperty("csrf_header") String csrfHeader, @JsonProperty("csrf_token") String csrfToken) {
    }

    @Operation(summary = "The signed-in account, for the upload page", description = "Its login, the municipalities"
            + " (AGS) it is steward of, the size limit and, for a session, the CSRF token its page sends."
            + " 401 when not signed in.")
    @GetMapping(path = "/uploads/session", produces = "application/json")
    public ResponseEntity<Session> session(CsrfToken csrf) {
        Actor actor = actor();
        var grants = roles.of(actor.accountId());
        boolean admin = grants.stream().anyMatch(g -> g.role().equals("county_administrator"));
        var municipalities = grants.stream().filter(g -> g.role().equals("municipality_steward"))
                .map(g -> g.territory()).distinct().sorted().toList();
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new Session(actor.login(), admin, municipalities, settings.maxBytes(),
                        csrf == null ? null : csrf.getHeaderName(), csrf == null ? null : csrf.getToken()));
    }

    @Operation(summary = "Upload a municipal list: the dry run", description = "multipart/form-data with the file"
            + " (.csv or .xlsx) and the municipality's AGS, the list's name, its licence and attribution. Nothing is"
            + " stored but the upload itself: the answer reports what the import would do (added, updated, unchanged,"
            + " retired, rejected) and every finding with file, line, field and reason; 'confirm' is where to confirm"
            + " it. 422 when the file cannot be imported at all (the reason in the detail).")
    @ApiResponse(responseCode = "201", description = "the dry run's report")
    @ApiResponse(responseCode = "400", description = "a parameter is missing or invalid (named)")
    @ApiResponse(responseCode = "401", description = "not signed in")
    @ApiResponse(responseCode = "403", description = "missing-role, missing-territory or missing-scope")
    @ApiResponse(responseCode = "413", description = "the file is larger than the limit")
    @ApiResponse(responseCode = "422", description = "the file cannot be imported")
    @PostMapping(path = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = "application/json")
    public ResponseEntity<UploadView> upload(
            @Parameter(description = "the list: CSV (.csv) or Excel (.xlsx)") @RequestParam(required = false) MultipartFile file,
            @Parameter(description = "the municipality's key (AGS, 8 digits)") @RequestParam(required = false) String ags,
            @Parameter(description = "the list's name within the municipality: a-z, 0-9 and -, e.g. vereine")
            @RequestParam(required = false) String list,
            @Parameter(description = "the licence the municipality publishes the list under, e.g. dl-de/by-2-0")
            @RequestParam(required = false) String licence,
            @Parameter(description = "how the list is to be credited, e.g. Gemeinde Heinersreuth")
            @RequestParam(required = false) String attribution) {
        Actor actor = actor();
        var problems = new ArrayList<InvalidParameter.Param>();
        String key = required("ags", ags, AGS, "the municipality's key (AGS) has 8 digits, e.g. 09472150", problems);
        String name = required("list", list, LIST, "a name of 1 to 40 characters a-z, 0-9 and -, e.g. vereine", problems);
        String licenceText = text("licence", licence, problems);
        String attributionText = text("attribution", attribution, problems);
        String fileName = fileName(file, problems);
        if (!problems.isEmpty()) {
            throw new InvalidParameter(problems);
        }
        var municipal = new Uploads.MunicipalList(key, name, licenceText, attributionText);
        permissions.check(actor, Action.EDIT_PLACE, new Place(key, municipal.source(), null));
        if (file.getSize() > settings.maxBytes()) {
            throw problem(HttpStatus.PAYLOAD_TOO_LARGE, "upload-too-large", "File too large", "the file has "
                    + file.getSize() + " bytes; a list may have at most " + settings.maxBytes()
                    + " bytes: split it into lists of their own (each its own name)");
        }
        byte[] content = bytes(file);
        if (municipality(key) == null) {
            throw new InvalidParameter("ags", "no municipality with the key " + key + " is imported (the official"
                    + " boundaries): check the key");
        }
        String state = Uploads.sourceState(dataSource, municipal.source());
        Uploads.Report report = run(content, fileName, municipal, true);
        if (!report.succeeded()) {
            audit.record("upload-refused", actor.login(), "source " + municipal.source(),
                    Map.of("file", fileName, "error", String.valueOf(report.error())));
            throw problem(HttpStatus.UNPROCESSABLE_ENTITY, "upload-unreadable", "List cannot be imported",
                    report.error() + "; nothing was stored");
        }
        UUID id = UUID.randomUUID();
        store.add(id, actor.accountId(), municipal, fileName, content, sha256(content), state, report);
        audit.record("upload-dry-run", actor.login(), "source " + municipal.source(), Map.of("upload", id.toString(),
                "file", fileName, "added", report.added(), "updated", report.updated(), "retired", report.retired(),
                "rejected", report.rejected(), "via", actor.via()));
        return ResponseEntity.created(URI.create("/uploads/" + id)).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(view(store.get(id).orElseThrow()));
    }

    @Operation(summary = "An upload and its reports", description = "The uploader's own uploads only.")
    @GetMapping(path = "/uploads/{id}", produces = "application/json")
    public ResponseEntity<UploadView> get(@PathVariable String id) {
        Actor actor = actor();
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(view(own(actor, id)));
    }

    @Operation(summary = "Confirm an upload: import exactly the dry run's file", description = "Refused (409) when"
            + " the upload was confirmed before, when sha256 is given and is not the dry run's file, or when the list's"
            + " source changed since the dry run (another upload or an edit of its places): then the dry run's report"
            + " no longer says what the import would do — upload the list again. The answer holds the import's report.")
    @ApiResponse(responseCode = "200", description = "imported: the result beside the dry run's report")
    @ApiResponse(responseCode = "409", description = "already confirmed, another file, or the source changed")
    @PostMapping(path = "/uploads/{id}/confirm", produces = "application/json")
    public ResponseEntity<UploadView> confirm(@PathVariable String id,
                                              @Parameter(description = "the SHA-256 of the file the dry run checked"
                                                      + " (from its report), to make sure it is the one imported")
                                              @RequestParam(required = false) String sha256) {
        Actor actor = actor();
        UploadStore.Stored upload;
        try {
            upload = confirmed(actor, id, sha256);
        } catch (ErrorResponseException refused) {
            // recorded outside the refused transaction, which takes its writes with it
            audit.record("upload-refused", actor.login(), "upload " + id, Map.of("reason",
                    String.valueOf(refused.getBody().getDetail())));
            throw refused;
        }
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(view(upload));
    }

    /** The confirmation, in one transaction holding the upload's row: one confirmation at a time. */
    private UploadStore.Stored confirmed(Actor actor, String id, String sha256) {
        return transactions.execute(status -> {
            var stored = store.locked(own(actor, id).id()).orElseThrow();
            if (stored.confirmedAt() != null) {
                throw problem(HttpStatus.CONFLICT, "upload-confirmed", "Upload confirmed before",
                        "this upload was imported at " + stored.confirmedAt() + " (run " + stored.result().run()
                                + "); upload the list again to import it again");
            }
            permissions.check(actor, Action.EDIT_PLACE, new Place(stored.ags(), stored.source(), null));
            if (sha256 != null && !sha256.isBlank() && !sha256.strip().equalsIgnoreCase(stored.sha256())) {
                throw problem(HttpStatus.CONFLICT, "upload-other-file", "Not the dry run's file", "the dry run checked"
                        + " the file with SHA-256 " + stored.sha256() + ", not " + sha256.strip()
                        + "; nothing was imported");
            }
            String now = Uploads.sourceState(dataSource, stored.source());
            if (!now.equals(stored.sourceState())) {
                throw problem(HttpStatus.CONFLICT, "upload-source-changed", "Source changed since the dry run",
                        "the places of source '" + stored.source() + "' changed since the dry run of "
                                + stored.createdAt() + " (another upload or an edit): its report no longer says what"
                                + " the import would do. Upload the list again for a new dry run; nothing was imported");
            }
            Uploads.Report result = run(stored.content(), stored.fileName(), stored.municipalList(), false);
            if (!result.succeeded()) {
                throw problem(HttpStatus.UNPROCESSABLE_ENTITY, "upload-failed", "Import failed",
                        result.error() + "; nothing was imported");
            }
            store.confirmed(stored.id(), result);
            audit.record("upload-confirmed", actor.login(), "source " + stored.source(), Map.of("upload",
                    stored.id().toString(), "run", result.run(), "added", result.added(), "updated", result.updated(),
                    "retired", result.retired(), "rejected", result.rejected(), "via", actor.via()));
            return store.get(stored.id()).orElseThrow();
        });
    }

    private static Actor actor() {
        return Permissions.current().orElseThrow(() -> new NotSignedIn("upload a municipal list"));
    }

    /** The actor's own upload; 404 for another's (nobody learns which uploads exist). */
    private UploadStore.Stored own(Actor actor, String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("there is no upload '" + id + "'");
        }
        return store.get(uuid).filter(u -> u.accountId() == actor.accountId())
                .orElseThrow(() -> new NotFound("there is no upload " + id + " of this account"));
    }

    /** The list imported (or dry-run) from a file of its own name in a directory of its own, removed after. */
    private Uploads.Report run(byte[] content, String fileName, Uploads.MunicipalList list, boolean dryRun) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ortsanker-upload");
            Path file = Files.write(dir.resolve(fileName), content);
            return dryRun ? Uploads.dryRun(dataSource, file, list) : Uploads.apply(dataSource, file, list);
        } catch (IOException e) {
            throw new IllegalStateException("the upload cannot be written to a temporary file", e);
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException ignored) {
                    // the temporary directory's files are the system's to clean
                }
            }
        }
    }

    private String municipality(String ags) {
        var names = jdbc.queryForList("select name from admin_areas where ags = ? and retired_at is null"
                + " and superseded_by is null order by id limit 1", String.class, ags);
        return names.isEmpty() ? null : names.get(0);
    }

    private UploadView view(UploadStore.Stored u) {
        return new UploadView(u.id(), u.ags(), municipality(u.ags()), u.list(), u.source(), u.licence(), u.attribution(),
                u.fileName(), u.sha256(), u.createdAt(), u.confirmedAt(), u.dryRun(), u.result(),
                u.confirmedAt() == null ? "/uploads/" + u.id() + "/confirm?sha256=" + u.sha256() : null);
    }

    private static String required(String name, String value, Pattern pattern, String rule,
                                   List<InvalidParameter.Param> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new InvalidParameter.Param(name, "is required: " + rule));
            return null;
        }
        String v = value.strip();
        if (!pattern.matcher(v).matches()) {
            problems.add(new InvalidParameter.Param(name, "'" + (v.length() > 60 ? v.substring(0, 60) + "…" : v)
                    + "' is not " + rule));
            return null;
        }
        return v;
    }

    private static String text(String name, String value, List<InvalidParameter.Param> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new InvalidParameter.Param(name, "is required: the list's " + name + " travels with its places"));
            return null;
        }
        if (value.strip().length() > MAX_TEXT) {
            problems.add(new InvalidParameter.Param(name, "is longer than " + MAX_TEXT + " characters"));
            return null;
        }
        return value.strip();
    }

    /** The file's own name, reduced to letters, digits, '.', '-' and '_': what the report names it by. */
    private static String fileName(MultipartFile file, List<InvalidParameter.Param> problems) {
        if (file == null || file.isEmpty()) {
            problems.add(new InvalidParameter.Param("file", "is required: the list as CSV (.csv) or Excel (.xlsx)"));
            return null;
        }
        String original = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        original = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        int dot = original.lastIndexOf('.');
        String extension = dot < 0 ? "" : original.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!Uploads.FORMATS.contains(extension)) {
            problems.add(new InvalidParameter.Param("file", "'" + original + "' is not a CSV (.csv) or Excel (.xlsx) file"));
            return null;
        }
        String base = original.substring(0, dot).replaceAll("[^A-Za-z0-9._-]", "_");
        base = base.isEmpty() || base.startsWith(".") ? "list" + base : base;
        return (base.length() > 80 ? base.substring(0, 80) : base) + "." + extension;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new InvalidParameter("file", "could not be read: " + e.getMessage());
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:ortsanker:problem:" + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
