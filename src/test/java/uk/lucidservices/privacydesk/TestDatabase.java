package uk.lucidservices.privacydesk;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.springframework.boot.SpringApplication;

/**
 * One real PostgreSQL for the whole test JVM, started on first use; or, when the system property
 * {@code desk.test.db.url} names one (an empty database), that server instead.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {}

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("fsync", "off")
                        .setRegisterShutdownHook(false)
                        .start();
                SpringApplication.getShutdownHandlers().add(TestDatabase::stop);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
        return postgres;
    }

    /**
     * The JVM runs its shutdown hooks all at once. Stopping PostgreSQL while Spring was still
     * closing the desk made the engine's last commands fail and held the JVM for Spring's 30 s
     * shutdown timeout, so the database is stopped by Spring's own hook, after every context closed.
     */
    private static void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }

    public static String jdbcUrl() {
        String external = System.getProperty("desk.test.db.url", "");
        return external.isBlank() ? postgres().getJdbcUrl("postgres", "postgres") : external;
    }

    public static String user() {
        return System.getProperty("desk.test.db.user", "postgres");
    }

    public static String password() {
        return System.getProperty("desk.test.db.password", "");
    }

    /** "embedded" or the URL of the server the tests use. */
    public static String description() {
        String external = System.getProperty("desk.test.db.url", "");
        return external.isBlank() ? "embedded PostgreSQL (zonky, fsync off)" : external;
    }
}
