package uk.lucidservices.privacydesk.datamap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.DeskIntegrationTest;

/** The start-up check against the real PostgreSQL tables. */
class DataMapSchemaCheckTest extends DeskIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    DataMap shipped;

    private DataMap map(String table, String identityColumn, String fields) {
        String yaml = """
                categories:
                  - id: call-recordings
                    name: Calls
                    system: PBX
                    table: %s
                    level: person
                    identity: { phone: %s }
                    fields: %s
                    purpose: p
                    lawful-basis: l
                    retention: r
                    source: s
                    erasure: { action: delete }
                """.formatted(table, identityColumn, fields);
        return new DataMapReader().read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }

    @Test
    void theShippedDataMapMatchesTheTables() {
        assertThatCode(() -> new DataMapSchemaCheck(dataSource).check(shipped)).doesNotThrowAnyException();
    }

    @Test
    void aMissingTableStopsWithTheEntryName() {
        assertThatThrownBy(() ->
                        new DataMapSchemaCheck(dataSource).check(map("records.call_recordingz", "cli_key", "[cli]")))
                .isInstanceOf(DataMapException.class)
                .hasMessage("Data map entry 'call-recordings': table 'records.call_recordingz' does not exist");
    }

    @Test
    void aMissingIdentityColumnStopsWithTheEntryName() {
        assertThatThrownBy(() ->
                        new DataMapSchemaCheck(dataSource).check(map("records.call_recording", "cli_kee", "[cli]")))
                .hasMessage(
                        "Data map entry 'call-recordings': column 'cli_kee' does not exist in table 'records.call_recording'");
    }

    @Test
    void aMissingFieldStopsWithTheEntryName() {
        assertThatThrownBy(() -> new DataMapSchemaCheck(dataSource)
                        .check(map("records.call_recording", "cli_key", "[cli, colour]")))
                .hasMessage(
                        "Data map entry 'call-recordings': column 'colour' does not exist in table 'records.call_recording'");
    }
}
