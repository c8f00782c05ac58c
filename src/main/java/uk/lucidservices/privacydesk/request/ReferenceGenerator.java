package uk.lucidservices.privacydesk.request;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out references such as {@code SAR-2026-000042}: one counter per prefix and year, advanced
 * under a row lock in its own short transaction (never the caller's, which would hold the lock
 * through a whole process start and serialise every start of a type), so concurrent callers never
 * share a number on H2 or PostgreSQL.
 */
@Component
class ReferenceGenerator {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    /** Outside the caller's transaction, on a connection in auto-commit: one statement, no COMMIT round trip. */
    private final TransactionTemplate autoCommit;

    private final Clock clock;
    private volatile Boolean postgres;

    public ReferenceGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.autoCommit = new TransactionTemplate(transactions);
        this.autoCommit.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /** A reference, and what the caller's expression gave in the same round trip. */
    record Taken(String reference, long alongside) {}

    /**
     * Whether the database is PostgreSQL, which can advance the counter and return it in one
     * statement (H2 cannot), and which {@link #next(RequestType, String)} needs.
     */
    boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>)
                    con -> "PostgreSQL".equals(con.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    public String next(RequestType type) {
        if (postgres()) {
            return next(type, "0").reference();
        }
        int year = LocalDate.now(clock).getYear();
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                Long value = tx.execute(status -> advance(type.prefix(), year));
                if (value != null) {
                    return format(type.prefix(), year, value);
                }
            } catch (DataIntegrityViolationException firstOfTheYearRace) {
                // Another caller created this year's counter at the same moment: use theirs.
            }
        }
        throw new IllegalStateException("Could not allocate a " + type.prefix() + " reference");
    }

    /**
     * PostgreSQL only: the next reference, with the value of {@code alongside} (a SQL expression of
     * the caller's code, never input: a sequence's next value) taken in the same round trip. One upsert in
     * auto-commit: the first of the year inserts 1, every other call adds 1 under the row's lock, and
     * PostgreSQL settles concurrent first calls itself (no unique-key race to retry).
     */
    Taken next(RequestType type, String alongside) {
        int year = LocalDate.now(clock).getYear();
        String sql = """
                INSERT INTO desk.reference_counter (prefix, ref_year, last_value) VALUES (?, ?, 1)
                ON CONFLICT (prefix, ref_year) DO UPDATE SET last_value = desk.reference_counter.last_value + 1
                RETURNING last_value, %s""".formatted(alongside);
        Taken taken = autoCommit.execute(status -> jdbc.execute((ConnectionCallback<Taken>) con -> {
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                ps.setString(1, type.prefix());
                ps.setInt(2, year);
                Taken next;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    next = new Taken(format(type.prefix(), year, rs.getLong(1)), rs.getLong(2));
                }
                // A pool set not to auto-commit would roll the number back when the connection returns.
                if (!con.getAutoCommit()) {
                    con.commit();
                }
                return next;
            }
        }));
        if (taken == null) {
            throw new IllegalStateException("Could not allocate a " + type.prefix() + " reference");
        }
        return taken;
    }

    private static String format(String prefix, int year, long value) {
        return "%s-%d-%06d".formatted(prefix, year, value);
    }

    /** H2: update, or insert the year's first; then read the number back (H2 returns nothing from an update). */
    private Long advance(String prefix, int year) {
        int updated = jdbc.update(
                "UPDATE desk.reference_counter SET last_value = last_value + 1 WHERE prefix = ? AND ref_year = ?",
                prefix,
                year);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO desk.reference_counter (prefix, ref_year, last_value) VALUES (?, ?, 1)", prefix, year);
            return 1L;
        }
        return jdbc.queryForObject(
                "SELECT last_value FROM desk.reference_counter WHERE prefix = ? AND ref_year = ?",
                Long.class,
                prefix,
                year);
    }
}
