package uk.lucidservices.privacydesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database's own rate from Java over JDBC, on the desk's pool: a transaction of one insert,
 * and a transaction of 15 inserts and one update (about the shape of a request start), each
 * statement sent on its own. Rows look like the engine's: a UUID key, a parent key, a few strings.
 */
final class JdbcBaseline {

    private static final String INSERT = """
            INSERT INTO desk_bench_row (id, parent_id, kind, name, text_value, created_at) VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE = "UPDATE desk_bench_counter SET rev = rev + 1, updated_at = ? WHERE id = ?";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;

    JdbcBaseline(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void createTables(int clients) {
        jdbc.execute("DROP TABLE IF EXISTS desk_bench_row");
        jdbc.execute("DROP TABLE IF EXISTS desk_bench_counter");
        jdbc.execute("""
                CREATE TABLE desk_bench_row (id VARCHAR(64) PRIMARY KEY, parent_id VARCHAR(64), kind VARCHAR(64),
                    name VARCHAR(255), text_value VARCHAR(4000), created_at TIMESTAMP)""");
        jdbc.execute("CREATE INDEX desk_bench_row_parent ON desk_bench_row (parent_id)");
        jdbc.execute("CREATE TABLE desk_bench_counter (id INT PRIMARY KEY, rev BIGINT, updated_at TIMESTAMP)");
        for (int c = 0; c < clients; c++) {
            jdbc.update("INSERT INTO desk_bench_counter VALUES (?, 0, NULL)", c);
        }
    }

    void dropTables() {
        jdbc.execute("DROP TABLE IF EXISTS desk_bench_row");
        jdbc.execute("DROP TABLE IF EXISTS desk_bench_counter");
    }

    ClosedLoop.Result run(int clients, int inserts, boolean update, Duration warmUp, Duration measured) {
        // Timed as the starts are, without the SQL counter.
        return RequestStarts.timed(clients, warmUp, measured, client -> transaction(client, inserts, update));
    }

    private void transaction(int client, int inserts, boolean update) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            Timestamp now = new Timestamp(System.currentTimeMillis());
            String parent = UUID.randomUUID().toString();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < inserts; i++) {
                    insert.setString(1, i == 0 ? parent : UUID.randomUUID().toString());
                    insert.setString(2, parent);
                    insert.setString(3, "row-" + i);
                    insert.setString(4, "Bench row " + i);
                    insert.setString(5, "SAR-2026-000000");
                    insert.setTimestamp(6, now);
                    insert.executeUpdate();
                }
            }
            if (update) {
                try (PreparedStatement counter = connection.prepareStatement(UPDATE)) {
                    counter.setTimestamp(1, now);
                    counter.setInt(2, client);
                    counter.executeUpdate();
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        }
    }
}
