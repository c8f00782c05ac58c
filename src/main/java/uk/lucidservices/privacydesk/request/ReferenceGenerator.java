package uk.lucidservices.privacydesk.request;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out references such as {@code SAR-2026-000042}: one counter per prefix and year, advanced
 * under a row lock in its own short transaction, so concurrent callers never share a number
 * on H2 or PostgreSQL.
 */
@Component
class ReferenceGenerator {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private volatile Boolean postgres;

    public ReferenceGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Whether the database is PostgreSQL, which can return the advanced counter from the update (H2 cannot). */
    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>)
                    con -> "PostgreSQL".equals(con.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    public String next(RequestType type) {
        int year = LocalDate.now(clock).getYear();
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                Long value = tx.execute(status -> advance(type.prefix(), year));
                if (value != null) {
                    return "%s-%d-%06d".formatted(type.prefix(), year, value);
                }
            } catch (DataIntegrityViolationException firstOfTheYearRace) {
                // Another caller created this year's counter at the same moment: use theirs.
            }
        }
        throw new IllegalStateException("Could not allocate a " + type.prefix() + " reference");
    }

    private Long advance(String prefix, int year) {
        if (postgres()) {
            // One round trip: the update hands back the number it took.
            List<Long> taken = jdbc.queryForList(
                    "UPDATE desk.reference_counter SET last_value = last_value + 1 WHERE prefix = ? AND ref_year = ? RETURNING last_value",
                    Long.class,
                    prefix,
                    year);
            if (!taken.isEmpty()) {
                return taken.get(0);
            }
            jdbc.update(
                    "INSERT INTO desk.reference_counter (prefix, ref_year, last_value) VALUES (?, ?, 1)", prefix, year);
            return 1L;
        }
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
