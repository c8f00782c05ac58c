package uk.lucidservices.privacydesk.erasure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import uk.lucidservices.privacydesk.datamap.ErasureAction;

/** Reads and writes {@code desk.erasure_plan_item}, always in the data map's erasure order. */
@Repository
class ErasurePlan {

    private final JdbcTemplate jdbc;

    public ErasurePlan(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<ErasurePlanItem> items(String reference) {
        return jdbc.query(
                "SELECT * FROM desk.erasure_plan_item WHERE reference = ? ORDER BY erasure_order", ROW, reference);
    }

    public Optional<ErasurePlanItem> item(String reference, String categoryId) {
        return jdbc
                .query(
                        "SELECT * FROM desk.erasure_plan_item WHERE reference = ? AND category_id = ?",
                        ROW,
                        reference,
                        categoryId)
                .stream()
                .findFirst();
    }

    void replace(String reference, List<ErasurePlanItem> items) {
        jdbc.update("DELETE FROM desk.erasure_plan_item WHERE reference = ?", reference);
        jdbc.batchUpdate("""
                INSERT INTO desk.erasure_plan_item (reference, erasure_order, category_id, system, action, in_scope, manual,
                    record_count, keep_reason, marked_by, marked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", items, items.size(), (ps, item) -> {
            ps.setString(1, reference);
            ps.setInt(2, item.order());
            ps.setString(3, item.categoryId());
            ps.setString(4, item.system());
            ps.setString(5, item.action().name());
            ps.setBoolean(6, item.inScope());
            ps.setBoolean(7, item.manual());
            ps.setObject(8, item.recordCount());
            ps.setString(9, item.keepReason());
            ps.setString(10, item.markedBy());
            ps.setObject(11, item.markedAt());
        });
    }

    void markKept(String reference, String categoryId, String reason, String userId, OffsetDateTime at) {
        jdbc.update("""
                UPDATE desk.erasure_plan_item SET action = 'KEEP', keep_reason = ?, marked_by = ?, marked_at = ?
                WHERE reference = ? AND category_id = ?""", reason, userId, at, reference, categoryId);
    }

    private static final RowMapper<ErasurePlanItem> ROW = (rs, i) -> new ErasurePlanItem(
            rs.getInt("erasure_order"),
            rs.getString("category_id"),
            rs.getString("system"),
            ErasureAction.valueOf(rs.getString("action")),
            rs.getBoolean("in_scope"),
            rs.getBoolean("manual"),
            rs.getObject("record_count", Long.class),
            rs.getString("keep_reason"),
            rs.getString("marked_by"),
            rs.getObject("marked_at", OffsetDateTime.class));
}
