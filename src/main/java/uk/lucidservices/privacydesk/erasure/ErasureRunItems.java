package uk.lucidservices.privacydesk.erasure;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.records.RecordSource.ErasureOutcome;

/** Reads and writes {@code desk.erasure_run_item}: the erasure's progress, category by category. */
@Repository
class ErasureRunItems {

    private final JdbcTemplate jdbc;

    public ErasureRunItems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ErasureRunItem> items(String reference) {
        return jdbc.query("SELECT * FROM desk.erasure_run_item WHERE reference = ?", ROW, reference);
    }

    public Optional<ErasureRunItem> item(String reference, String categoryId) {
        return jdbc
                .query(
                        "SELECT * FROM desk.erasure_run_item WHERE reference = ? AND category_id = ?",
                        ROW,
                        reference,
                        categoryId)
                .stream()
                .findFirst();
    }

    public boolean anyStarted(String reference) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM desk.erasure_run_item WHERE reference = ?", Integer.class, reference);
        return n != null && n > 0;
    }

    /** Adds one pass's work and marks the category done; runs inside the category's own transaction. */
    void completed(String reference, Category category, ErasureOutcome outcome, OffsetDateTime at) {
        int updated = jdbc.update(
                """
                UPDATE desk.erasure_run_item SET deleted = deleted + ?, anonymised = anonymised + ?,
                    files_deleted = files_deleted + ?, passes = passes + 1, completed_at = ?
                WHERE reference = ? AND category_id = ?""", outcome.deleted(), outcome.anonymised(), outcome.filesDeleted(), at, reference, category.id());
        if (updated == 0) {
            jdbc.update(
                    """
                    INSERT INTO desk.erasure_run_item (reference, category_id, system, deleted, anonymised, files_deleted,
                        passes, completed_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?)""",
                    reference,
                    category.id(),
                    category.system(),
                    outcome.deleted(),
                    outcome.anonymised(),
                    outcome.filesDeleted(),
                    at);
        }
    }

    /** Verification found records left: these categories must be erased again. */
    void reopen(String reference, Collection<String> categoryIds) {
        for (String id : categoryIds) {
            jdbc.update(
                    "UPDATE desk.erasure_run_item SET completed_at = NULL WHERE reference = ? AND category_id = ?",
                    reference,
                    id);
        }
    }

    private static final RowMapper<ErasureRunItem> ROW = (rs, i) -> new ErasureRunItem(
            rs.getString("category_id"),
            rs.getString("system"),
            rs.getLong("deleted"),
            rs.getLong("anonymised"),
            rs.getLong("files_deleted"),
            rs.getInt("passes"),
            rs.getObject("completed_at", OffsetDateTime.class));
}
