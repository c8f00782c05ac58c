package uk.lucidservices.privacydesk.request;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What a retention sweep's queries are given: {@code :cutoff}, the latest event time that is past
 * the store's period; {@code :now}; and {@code :held}, the references of requests an open complaint
 * still needs (never due). The register's {@code DUE_*} subqueries use them.
 */
public record RetentionCut(OffsetDateTime cutoff, OffsetDateTime now, List<String> held) {

    public RetentionCut {
        held = List.copyOf(held);
    }

    public MapSqlParameterSource params() {
        // NOT IN () is no SQL: with nothing held, a reference no request has.
        return new MapSqlParameterSource()
                .addValue("cutoff", cutoff)
                .addValue("now", now)
                .addValue("held", held.isEmpty() ? List.of("") : held);
    }

    /** The first {@code n} rows: a literal, as PostgreSQL and H2 both accept it here. */
    public static String first(int n) {
        return " FETCH FIRST " + n + " ROWS ONLY";
    }
}
