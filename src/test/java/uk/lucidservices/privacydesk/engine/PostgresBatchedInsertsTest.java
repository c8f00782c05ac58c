package uk.lucidservices.privacydesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.PgConnection;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

/** On PostgreSQL the driver turns the engine's insert batches into multi-row inserts. */
class PostgresBatchedInsertsTest extends DeskIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theDesksConnectionsRewriteBatchedInserts() throws Exception {
        assertThat(((HikariDataSource) dataSource).getDataSourceProperties().getProperty(PostgresBatchedInserts.OPTION))
                .isEqualTo("true");
        try (Connection connection = dataSource.getConnection()) {
            PgConnection pg = connection.unwrap(PgConnection.class);
            assertThat(pg.getQueryExecutor().isReWriteBatchedInsertsEnabled())
                    .as("the driver's own setting")
                    .isTrue();
        }
    }
}
