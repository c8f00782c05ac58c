package uk.lucidservices.privacydesk.retention;

import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.datamap.ErasureAction;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.records.RecordSource;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.request.RetentionHolds;

/**
 * The desk's own stores as a record source (data-map categories on {@code desk.*} tables), so a
 * subject access request discloses the person's earlier requests and an erasure request clears
 * their earlier mail, ID documents, notes and packs. A person's earlier requests are those closed
 * (an open one still needs its records, including the request being worked) and held by no open
 * complaint, found by the matching form of an identifier the request accepted or by its email.
 * What accountability needs is kept: the data map anonymises the register's contact fields and
 * keeps reference, type, dates and outcome; files go with the fields that point at them.
 */
@Component
class DeskRecordSource implements RecordSource {

    /** Columns that point at a file in the file store: the file is deleted when erasure clears them. */
    private static final Map<String, String> FILE_COLUMNS = Map.of(
            "desk.intake_log", "raw_file",
            "desk.intake_attachment", "stored_path");

    private final NamedParameterJdbcTemplate jdbc;
    private final DataMap dataMap;
    private final FileStore fileStore;
    private final TransactionTemplate writeTx;
    private final Clock clock;
    private final RetentionHolds holds;

    DeskRecordSource(
            NamedParameterJdbcTemplate jdbc,
            DataMap dataMap,
            FileStore fileStore,
            PlatformTransactionManager transactions,
            Clock clock,
            RetentionHolds holds) {
        this.holds = holds;
        this.jdbc = jdbc;
        this.dataMap = dataMap;
        this.fileStore = fileStore;
        this.writeTx = new TransactionTemplate(transactions);
        this.writeTx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public boolean handles(Category category) {
        return category.searchable()
                && category.table() != null
                && category.table().toLowerCase(Locale.ROOT).startsWith("desk.");
    }

    @Override
    public long count(Category category, Subject subject) {
        MapSqlParameterSource params = params(subject);
        String where = where(category, "t", params);
        if (where == null) {
            return 0;
        }
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM " + category.table() + " t WHERE " + where, params, Long.class);
        return n == null ? 0 : n;
    }

    @Override
    public void forEachRecord(Category category, Subject subject, Consumer<Map<String, Object>> record) {
        MapSqlParameterSource params = params(subject);
        String where = where(category, "t", params);
        if (where == null) {
            return;
        }
        List<String> columns = new ArrayList<>();
        columns.add("id");
        columns.addAll(category.fields());
        jdbc.query(
                "SELECT "
                        + String.join(", ", columns.stream().map(c -> "t." + c).toList()) + " FROM " + category.table()
                        + " t WHERE " + where + " ORDER BY t.id",
                params,
                rs -> {
                    ResultSetMetaData meta = rs.getMetaData();
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                    }
                    record.accept(row);
                });
    }

    @Override
    public ErasureOutcome erase(Category category, Subject subject) {
        return erase(category, subject, outcome -> {});
    }

    @Override
    public ErasureOutcome erase(Category category, Subject subject, Consumer<ErasureOutcome> journal) {
        if (category.erasure().action() == ErasureAction.KEEP) {
            ErasureOutcome nothing = new ErasureOutcome(category.id(), 0, 0, 0);
            journal.accept(nothing);
            return nothing;
        }
        return writeTx.execute(status -> {
            ErasureOutcome outcome = eraseInTransaction(category, subject);
            journal.accept(outcome);
            return outcome;
        });
    }

    private ErasureOutcome eraseInTransaction(Category category, Subject subject) {
        MapSqlParameterSource params = params(subject);
        String where = where(category, "t", params);
        if (where == null) {
            return new ErasureOutcome(category.id(), 0, 0, 0);
        }
        List<Object> ids =
                jdbc.queryForList("SELECT t.id FROM " + category.table() + " t WHERE " + where, params, Object.class);
        if (ids.isEmpty()) {
            return new ErasureOutcome(category.id(), 0, 0, 0);
        }
        MapSqlParameterSource byId = new MapSqlParameterSource("ids", ids)
                .addValue("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        long files = deleteFiles(category, byId);
        if (category.erasure().action() == ErasureAction.DELETE) {
            return new ErasureOutcome(
                    category.id(),
                    jdbc.update("DELETE FROM " + category.table() + " WHERE id IN (:ids)", byId),
                    0,
                    files);
        }
        String table = category.table().toLowerCase(Locale.ROOT);
        if (table.equals("desk.request")) {
            // The identifiers are the register's other copy of the contact details.
            jdbc.update("DELETE FROM desk.request_identifier WHERE request_id IN (:ids)", byId);
            files += deletePackFiles(byId);
        }
        List<String> set = new ArrayList<>(
                category.erasure().fields().stream().map(f -> f + " = NULL").toList());
        if (table.equals("desk.request") || table.equals("desk.intake_log")) {
            set.add("personal_fields_cleared_at = :now");
        }
        int anonymised = jdbc.update(
                "UPDATE " + category.table() + " SET " + String.join(", ", set) + " WHERE id IN (:ids)", byId);
        return new ErasureOutcome(category.id(), 0, anonymised, files);
    }

    /** A pack file still there (a link not yet expired) goes with the request's contact details. */
    private long deletePackFiles(MapSqlParameterSource byId) {
        String packs =
                "FROM desk.disclosure_pack WHERE deleted_at IS NULL AND reference IN (SELECT reference FROM desk.request WHERE id IN (:ids))";
        long deleted = 0;
        FileStore area = fileStore.area(FileStore.PACKS);
        for (String path : jdbc.queryForList("SELECT file_path " + packs, byId, String.class)) {
            try {
                if (area.delete(path)) {
                    deleted++;
                }
            } catch (IllegalArgumentException notInTheArea) {
                // Names no pack file.
            }
        }
        jdbc.update(
                "UPDATE desk.disclosure_pack SET deleted_at = :now, token_hash = NULL WHERE deleted_at IS NULL AND reference IN "
                        + "(SELECT reference FROM desk.request WHERE id IN (:ids))",
                byId);
        return deleted;
    }

    private long deleteFiles(Category category, MapSqlParameterSource byId) {
        String column = FILE_COLUMNS.get(category.table().toLowerCase(Locale.ROOT));
        if (column == null) {
            return 0;
        }
        long deleted = 0;
        for (String path : jdbc.queryForList(
                "SELECT " + column + " FROM " + category.table() + " WHERE id IN (:ids) AND " + column + " IS NOT NULL",
                byId,
                String.class)) {
            try {
                if (fileStore
                        .area(path.substring(0, Math.max(path.indexOf('/'), 0)))
                        .delete(path)) {
                    deleted++;
                }
            } catch (IllegalArgumentException notInAnArea) {
                // A path outside the store's areas names no file of the desk's.
            }
        }
        return deleted;
    }

    private MapSqlParameterSource params(Subject subject) {
        List<String> held = holds.held();
        return new MapSqlParameterSource()
                .addValue("held", held.isEmpty() ? List.of("") : held)
                .addValue("emails", List.copyOf(subject.emailKeys()))
                .addValue("phones", List.copyOf(subject.phoneKeys()));
    }

    /** The rows of the subject's earlier requests in this category, or null when there are none to find. */
    private String where(Category category, String alias, MapSqlParameterSource params) {
        String requests = requests(params);
        String table = category.table().toLowerCase(Locale.ROOT);
        if (table.equals("desk.request")) {
            return requests == null ? null : alias + ".id IN (" + requests + ")";
        }
        if (table.equals("desk.intake_log")) {
            return intakeLog(alias, requests, params);
        }
        Category parent = dataMap.category(category.parent().category()).orElseThrow();
        String column = alias + "." + category.parent().column();
        if (parent.table().equalsIgnoreCase("desk.request")) {
            if (requests == null) {
                return null;
            }
            return category.parent().column().equalsIgnoreCase("reference")
                    ? column + " IN (SELECT rr.reference FROM desk.request rr WHERE rr.id IN (" + requests + "))"
                    : column + " IN (" + requests + ")";
        }
        String parentWhere = where(parent, "p" + alias, params);
        return parentWhere == null
                ? null
                : column + " IN (SELECT p" + alias + ".id FROM " + parent.table() + " p" + alias + " WHERE "
                        + parentWhere + ")";
    }

    /** Mail linked to one of the requests, and mail from the person's address that joined none (once out of triage). */
    private static String intakeLog(String alias, String requests, MapSqlParameterSource params) {
        List<String> ors = new ArrayList<>();
        if (requests != null) {
            ors.add(alias + ".request_id IN (" + requests + ")");
        }
        if (!((List<?>) params.getValue("emails")).isEmpty()) {
            ors.add("(" + alias + ".request_id IS NULL AND LOWER(TRIM(" + alias
                    + ".sender_address)) IN (:emails) AND NOT (" + alias + ".outcome IN ('TRIAGE', 'QUARANTINED') AND "
                    + alias + ".resolved_at IS NULL))");
        }
        return ors.isEmpty() ? null : "(" + String.join(" OR ", ors) + ")";
    }

    /** A subquery for the ids of the subject's earlier requests: closed, held by no open complaint. */
    private static String requests(MapSqlParameterSource params) {
        boolean emails = !((List<?>) params.getValue("emails")).isEmpty();
        boolean phones = !((List<?>) params.getValue("phones")).isEmpty();
        if (!emails && !phones) {
            return null;
        }
        List<String> keys = new ArrayList<>();
        if (emails) {
            keys.add("ri.value_key IN (:emails)");
        }
        if (phones) {
            keys.add("ri.value_key IN (:phones)");
        }
        String byIdentifier =
                "r.id IN (SELECT ri.request_id FROM desk.request_identifier ri WHERE ri.state NOT IN ('SUGGESTED', 'REJECTED') AND ("
                        + String.join(" OR ", keys) + "))";
        String byEmail = emails ? " OR LOWER(TRIM(r.requester_email)) IN (:emails)" : "";
        return "SELECT r.id FROM desk.request r WHERE r.closed_at IS NOT NULL AND r.reference NOT IN (:held)" + " AND ("
                + byIdentifier + byEmail + ")";
    }
}
