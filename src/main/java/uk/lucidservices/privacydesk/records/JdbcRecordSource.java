package uk.lucidservices.privacydesk.records;

import java.sql.ResultSetMetaData;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.datamap.ErasureAction;
import uk.lucidservices.privacydesk.datamap.IdentityKey;
import uk.lucidservices.privacydesk.datamap.RetentionPeriod;

/**
 * Reads and erases the bundled {@code records} schema, driven entirely by the data map.
 * Table and column names come from the validated data map, never from a request; values are
 * always bound as parameters.
 */
@Component
public class JdbcRecordSource implements RecordSource {

    private static final int FETCH_SIZE = 500;
    private static final int FILE_CHECK_BATCH = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final DataMap dataMap;
    private final FileStore fileStore;
    private final TransactionTemplate readTx;
    private final TransactionTemplate writeTx;

    public JdbcRecordSource(
            NamedParameterJdbcTemplate jdbc,
            DataMap dataMap,
            FileStore fileStore,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dataMap = dataMap;
        this.fileStore = fileStore.area(FileStore.RECORDINGS);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
        this.writeTx = new TransactionTemplate(transactions);
        this.writeTx.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public boolean handles(Category category) {
        return category.searchable()
                && category.table() != null
                && category.table().toLowerCase(Locale.ROOT).startsWith("records.");
    }

    /** Which of a category's rows a query reaches. */
    private enum Reach {
        /** The subject's own rows: by their email or number, and by their account unless the category is person-level. */
        OWN,
        /** Rows of a person-level category that only the subject's account reaches. */
        VIA_ACCOUNT_ONLY
    }

    @Override
    public long count(Category category, Subject subject) {
        return count(category, subject, Reach.OWN);
    }

    @Override
    public long countViaAccountOnly(Category category, Subject subject) {
        return count(category, subject, Reach.VIA_ACCOUNT_ONLY);
    }

    @Override
    public void forEachRecord(Category category, Subject subject, Consumer<Map<String, Object>> record) {
        forEachRecord(category, subject, Reach.OWN, record);
    }

    @Override
    public void forEachRecordViaAccountOnly(Category category, Subject subject, Consumer<Map<String, Object>> record) {
        forEachRecord(category, subject, Reach.VIA_ACCOUNT_ONLY, record);
    }

    private long count(Category category, Subject subject, Reach reach) {
        MapSqlParameterSource params = params(subject);
        String where = where(category, subject, "t", params, reach);
        if (where == null) {
            return 0;
        }
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM " + category.table() + " t WHERE " + where, params, Long.class);
        return n == null ? 0 : n;
    }

    private void forEachRecord(Category category, Subject subject, Reach reach, Consumer<Map<String, Object>> record) {
        MapSqlParameterSource params = params(subject);
        String where = where(category, subject, "t", params, reach);
        if (where == null) {
            return;
        }
        List<String> columns = new ArrayList<>();
        columns.add("id");
        columns.addAll(category.fields());
        if (category.fileField() != null) {
            columns.add(category.fileField());
        }
        String sql = "SELECT "
                + String.join(", ", columns.stream().map(c -> "t." + c).toList()) + " FROM " + category.table()
                + " t WHERE " + where + " ORDER BY t.id";
        // A read-only transaction lets PostgreSQL stream with a cursor instead of loading every row.
        readTx.executeWithoutResult(status -> {
            jdbc.getJdbcTemplate().setFetchSize(FETCH_SIZE);
            jdbc.query(sql, params, rs -> {
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                }
                record.accept(row);
            });
        });
    }

    @Override
    public ErasureOutcome erase(Category category, Subject subject) {
        return erase(category, subject, outcome -> {});
    }

    /** The journal runs inside this category's own transaction, so progress and change commit together. */
    @Override
    public ErasureOutcome erase(Category category, Subject subject, Consumer<ErasureOutcome> journal) {
        ErasureAction action = category.erasure().action();
        if (action == ErasureAction.KEEP) {
            ErasureOutcome nothing = new ErasureOutcome(category.id(), 0, 0, 0);
            journal.accept(nothing);
            return nothing;
        }
        return writeTx.execute(status -> {
            ErasureOutcome outcome = eraseInTransaction(category, subject, action);
            journal.accept(outcome);
            return outcome;
        });
    }

    private ErasureOutcome eraseInTransaction(Category category, Subject subject, ErasureAction action) {
        MapSqlParameterSource params = params(subject);
        String where = where(category, subject, params);
        if (where == null) {
            return new ErasureOutcome(category.id(), 0, 0, 0);
        }
        if (action == ErasureAction.DELETE) {
            List<String> paths = category.fileField() == null
                    ? List.of()
                    : jdbc.queryForList(
                            "SELECT DISTINCT t." + category.fileField() + " FROM " + category.table() + " t WHERE "
                                    + where + " AND t." + category.fileField() + " IS NOT NULL",
                            params,
                            String.class);
            int deleted = jdbc.update("DELETE FROM " + category.table() + " t WHERE " + where, params);
            return new ErasureOutcome(category.id(), deleted, 0, deleteUnreferencedFiles(paths));
        }
        String set = String.join(
                ", ",
                category.erasure().fields().stream().map(f -> f + " = NULL").toList());
        int anonymised = jdbc.update("UPDATE " + category.table() + " t SET " + set + " WHERE " + where, params);
        return new ErasureOutcome(category.id(), 0, anonymised, 0);
    }

    /**
     * The nightly retention job's work on one category whose data-map retention names the column
     * holding its event's date: deletes one batch of rows whose period is over at {@code cutoff} (the
     * date in the column is on or before it), with their files, in one transaction, and returns how
     * many. Rows of an account with a complaint that is not closed (open, or with the ADR scheme) are
     * held: they may be needed to establish or defend a legal claim (Art. 17(3)(e)). 0 when the
     * category has no such column or is not this source's.
     */
    public int deleteExpired(Category category, OffsetDateTime cutoff, int batchSize) {
        RetentionPeriod retention = category.retentionPeriod();
        if (!handles(category) || category.parent() != null || retention == null || retention.column() == null) {
            return 0;
        }
        String account = category.identityColumn(IdentityKey.ACCOUNT);
        String held = account == null
                ? ""
                : " AND (t." + account
                        + " IS NULL OR NOT EXISTS (SELECT 1 FROM records.complaint c WHERE c.account_id = t." + account
                        + " AND c.status <> 'CLOSED'))";
        String file = category.fileField() == null ? "" : ", t." + category.fileField();
        String select = "SELECT t.id" + file + " FROM " + category.table() + " t WHERE t." + retention.column()
                + " <= :cutoff" + held + " ORDER BY t.id FETCH FIRST " + batchSize + " ROWS ONLY";
        Integer removed = writeTx.execute(status -> {
            List<Long> ids = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            jdbc.query(select, new MapSqlParameterSource("cutoff", cutoff), rs -> {
                ids.add(rs.getLong(1));
                if (category.fileField() != null && rs.getString(2) != null) {
                    paths.add(rs.getString(2));
                }
            });
            if (ids.isEmpty()) {
                return 0;
            }
            int deleted = jdbc.update(
                    "DELETE FROM " + category.table() + " WHERE id IN (:ids)", new MapSqlParameterSource("ids", ids));
            deleteUnreferencedFiles(List.copyOf(new HashSet<>(paths)));
            return deleted;
        });
        return removed == null ? 0 : removed;
    }

    /**
     * Deletes each file no remaining row points at, in any table of the data map that holds files:
     * one recording can be filed against two calls (a transferred call, a conference), and the other
     * caller's row keeps it. Runs after the rows' delete in the same transaction, so it sees them
     * gone; a file that cannot be deleted rolls the rows back. A file already gone counts once no row
     * needs it, so a retry after a rollback reports the true number.
     */
    private long deleteUnreferencedFiles(List<String> paths) {
        long files = 0;
        for (int from = 0; from < paths.size(); from += FILE_CHECK_BATCH) {
            List<String> batch = paths.subList(from, Math.min(paths.size(), from + FILE_CHECK_BATCH));
            Set<String> stillReferenced = new HashSet<>();
            for (Category holder : dataMap.categories()) {
                if (holder.fileField() != null && handles(holder)) {
                    stillReferenced.addAll(jdbc.queryForList(
                            "SELECT DISTINCT t." + holder.fileField() + " FROM " + holder.table() + " t WHERE t."
                                    + holder.fileField() + " IN (:paths)",
                            new MapSqlParameterSource("paths", batch),
                            String.class));
                }
            }
            for (String path : batch) {
                if (!stillReferenced.contains(path)) {
                    fileStore.delete(path);
                    files++;
                }
            }
        }
        return files;
    }

    private static MapSqlParameterSource params(Subject subject) {
        return new MapSqlParameterSource()
                .addValue("emails", List.copyOf(subject.emailKeys()))
                .addValue("phones", List.copyOf(subject.phoneKeys()))
                .addValue("accounts", List.copyOf(subject.accountNumbers()));
    }

    /**
     * The condition that selects the subject's own rows in a category, or null when nothing can match.
     * Adds to {@code params} the subject's CRM account ids when the category is found by account.
     */
    String where(Category category, Subject subject, MapSqlParameterSource params) {
        return where(category, subject, "t", params, Reach.OWN);
    }

    private String where(Category category, Subject subject, String alias, MapSqlParameterSource params, Reach reach) {
        if (category.parent() != null) {
            Category parent = dataMap.category(category.parent().category()).orElseThrow();
            String parentWhere = where(parent, subject, "p" + alias, params, reach);
            if (parentWhere == null) {
                return null;
            }
            return alias + "." + category.parent().column() + " IN (SELECT p" + alias + ".id FROM " + parent.table()
                    + " p" + alias + " WHERE " + parentWhere + ")";
        }
        List<String> ors = new ArrayList<>();
        String email = category.identityColumn(IdentityKey.EMAIL);
        if (email != null && !subject.emailKeys().isEmpty()) {
            ors.add(alias + "." + email + " IN (:emails)");
        }
        String phone = category.identityColumn(IdentityKey.PHONE);
        if (phone != null && !subject.phoneKeys().isEmpty()) {
            ors.add(alias + "." + phone + " IN (:phones)");
        }
        String own = ors.isEmpty() ? null : "(" + String.join(" OR ", ors) + ")";
        String account = category.identityColumn(IdentityKey.ACCOUNT);
        if (category.personLevel()) {
            if (reach == Reach.OWN) {
                return own;
            }
            if (account == null || accountIds(subject, params).isEmpty()) {
                return null;
            }
            // NOT of a NULL comparison is NULL, not true: a row without a CLI is another caller's too.
            return "(" + alias + "." + account + " IN (:accountIds)"
                    + (own == null ? "" : " AND NOT COALESCE(" + own + ", FALSE)") + ")";
        }
        if (reach == Reach.VIA_ACCOUNT_ONLY) {
            return null;
        }
        if (category.accountKey() != null && !subject.accountNumbers().isEmpty()) {
            ors.add(alias + "." + category.accountKey() + " IN (:accounts)");
        }
        if (account != null && !accountIds(subject, params).isEmpty()) {
            ors.add(alias + "." + account + " IN (:accountIds)");
        }
        return ors.isEmpty() ? null : "(" + String.join(" OR ", ors) + ")";
    }

    /**
     * The subject's own CRM account ids, looked up once and bound as values: "found by phone OR by
     * account" with the account as a subquery would make PostgreSQL scan the whole table, whereas
     * a list of ids lets it combine two index lookups.
     */
    @SuppressWarnings("unchecked")
    private List<Long> accountIds(Subject subject, MapSqlParameterSource params) {
        if (params.hasValue("accountIds")) {
            return (List<Long>) params.getValue("accountIds");
        }
        String query = accountIdsQuery(subject);
        List<Long> ids = query == null ? List.of() : jdbc.queryForList(query, params, Long.class);
        params.addValue("accountIds", ids);
        return ids;
    }

    /** The query for the subject's own CRM accounts, found by email, phone or account number. */
    private String accountIdsQuery(Subject subject) {
        Category accounts = dataMap.categories().stream()
                .filter(c -> c.accountKey() != null)
                .findFirst()
                .orElse(null);
        if (accounts == null) {
            return null;
        }
        String a = "a";
        List<String> ors = new ArrayList<>();
        String email = accounts.identityColumn(IdentityKey.EMAIL);
        if (email != null && !subject.emailKeys().isEmpty()) {
            ors.add(a + "." + email + " IN (:emails)");
        }
        String phone = accounts.identityColumn(IdentityKey.PHONE);
        if (phone != null && !subject.phoneKeys().isEmpty()) {
            ors.add(a + "." + phone + " IN (:phones)");
        }
        if (!subject.accountNumbers().isEmpty()) {
            ors.add(a + "." + accounts.accountKey() + " IN (:accounts)");
        }
        return ors.isEmpty()
                ? null
                : "SELECT " + a + ".id FROM " + accounts.table() + " " + a + " WHERE " + String.join(" OR ", ors);
    }
}
