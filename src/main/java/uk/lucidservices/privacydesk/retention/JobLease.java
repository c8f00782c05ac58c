package uk.lucidservices.privacydesk.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lease on a cluster-wide job in {@code desk.job_lease}: one UPDATE that succeeds only when the
 * lease has run out, so of several nodes exactly one gets it; a node that dies mid-run frees it
 * when its time is up. Plain SQL, so it works on PostgreSQL and H2 alike.
 */
final class JobLease {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String job;
    private final Duration length;
    private final String holder = "node-" + UUID.randomUUID();

    JobLease(JdbcTemplate jdbc, Clock clock, String job, Duration length) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.job = job;
        this.length = length;
    }

    /** Takes the lease if no node holds it; returns whether this node now does. */
    boolean acquire() {
        OffsetDateTime now = now();
        return jdbc.update(
                        "UPDATE desk.job_lease SET locked_until = ?, locked_by = ? WHERE name = ? AND locked_until <= ?",
                        now.plus(length),
                        holder,
                        job,
                        now)
                == 1;
    }

    /** Extends the lease this node holds (a long run); returns false when another node took it over. */
    boolean renew() {
        OffsetDateTime now = now();
        return jdbc.update(
                        "UPDATE desk.job_lease SET locked_until = ? WHERE name = ? AND locked_by = ?",
                        now.plus(length),
                        job,
                        holder)
                == 1;
    }

    void release() {
        jdbc.update(
                "UPDATE desk.job_lease SET locked_until = ?, locked_by = NULL WHERE name = ? AND locked_by = ?",
                now(),
                job,
                holder);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
