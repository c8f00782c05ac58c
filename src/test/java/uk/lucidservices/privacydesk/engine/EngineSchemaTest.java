package uk.lucidservices.privacydesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

/**
 * The schema the engine made is Camunda 7.24.0's, on either engine (the suite runs on Camunda 7.24
 * and, with -Poperaton, on Operaton 1.0.3): a database moves between them without a schema change,
 * and both accept it at start (README, "Which engine").
 */
class EngineSchemaTest extends DeskIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEngineWroteTheCamunda724Schema() {
        assertThat(jdbc.queryForList("select VERSION_ from ACT_GE_SCHEMA_LOG", String.class))
                .as("schema log")
                .containsOnly("7.24.0");
        assertThat(jdbc.queryForObject(
                        "select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'schema.version'", String.class))
                .as("the version the start-up check compares")
                .isEqualTo("fox");
    }
}
