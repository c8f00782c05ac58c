package uk.lucidservices.privacydesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * GET /api/sla/report and /api/sla/requests.csv: what the Cockpit dashboard's charts and export show.
 * Other tests share the register, so each count is read before and after this test's requests.
 * Today is Monday 15 June 2026 (TestClock); the weeks start on Mondays.
 */
class SlaReportTest extends SlaIntegrationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ClockStore store;

    @Test
    void countsEachRequestInItsWeekItsMonthAndItsDaysLeftBand() {
        JsonNode before = report();

        // Received Monday 8 June 2026: statutory deadline Wednesday 8 July, 23 days left.
        Request open = logRequest(RequestType.SUBJECT_ACCESS, 7);
        // Received Wednesday 6 May: deadline Saturday 6 June moves to Monday 8 June; closed Tuesday 2 June, on time.
        Request onTime = logRequest(RequestType.ERASURE, 40);
        close(onTime, "2026-06-02T10:00:00+01:00");
        // Received Wednesday 1 April: deadline Friday 1 May; closed Wednesday 10 June, late and breached.
        Request late = logRequest(RequestType.SUBJECT_ACCESS, 75);
        store.markBreached(late.id(), SlaClock.STATUTORY_DEADLINE);
        close(late, "2026-06-10T10:00:00+01:00");

        JsonNode after = report();

        assertThat(after.get("today").asText()).isEqualTo("2026-06-15");
        assertThat(after.get("weeks")).hasSize(12);
        assertThat(after.get("weeks").get(0).get("monday").asText()).isEqualTo("2026-03-30");
        assertThat(delta(before, after, "2026-06-08", "received", "SUBJECT_ACCESS"))
                .isEqualTo(1);
        assertThat(delta(before, after, "2026-06-01", "closed", "ERASURE")).isEqualTo(1);
        assertThat(delta(before, after, "2026-06-08", "closed", "SUBJECT_ACCESS"))
                .isEqualTo(1);
        assertThat(delta(before, after, "2026-03-30", "received", "SUBJECT_ACCESS"))
                .as("1 April is in the first week")
                .isEqualTo(1);

        assertThat(after.get("months")).hasSize(12);
        assertThat(after.get("months").get(0).get("month").asText()).isEqualTo("2025-07");
        assertThat(month(after, "2026-06", "closed") - month(before, "2026-06", "closed"))
                .isEqualTo(2);
        assertThat(month(after, "2026-06", "onTime") - month(before, "2026-06", "onTime"))
                .isEqualTo(1);
        assertThat(after.get("closedInYear").asInt()
                        - before.get("closedInYear").asInt())
                .isEqualTo(2);

        assertThat(after.get("openByDaysLeft").get("15-28").asInt()
                        - before.get("openByDaysLeft").get("15-28").asInt())
                .isEqualTo(1);
        assertThat(after.get("breaches").findValuesAsText("reference"))
                .contains(late.reference())
                .doesNotContain(open.reference(), onTime.reference());
        JsonNode breach = null;
        for (JsonNode b : after.get("breaches")) {
            if (b.get("reference").asText().equals(late.reference())) {
                breach = b;
            }
        }
        assertThat(breach.get("statutoryDeadlineMissed").asBoolean()).isTrue();
        assertThat(breach.get("open").asBoolean()).isFalse();
        assertThat(after.toString()).doesNotContain("Sam Testperson", "sam.testperson@example.com");
    }

    @Test
    void theOpenRequestsTableDownloadsAsCsvForManagersOnly() {
        Request open = logRequest(RequestType.ERASURE, 3);

        ResponseEntity<String> csv =
                http.withBasicAuth("mark", "mark").getForEntity("/api/sla/requests.csv", String.class);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("open-requests-2026-06-15.csv");
        assertThat(csv.getBody()).startsWith("reference,type,status,received,clock_start,internal_target,");
        // Received Friday 12 June 2026: statutory deadline Sunday 12 July moves to Monday 13 July, 28 days left.
        assertThat(csv.getBody().lines())
                .anyMatch(line -> line.startsWith(open.reference() + ",ERASURE,")
                        && line.contains(",2026-06-12,")
                        && line.contains(",2026-07-13,28,"));
        assertThat(csv.getBody()).doesNotContain("Sam Testperson");
        assertThat(http.withBasicAuth("olivia", "olivia")
                        .getForEntity("/api/sla/requests.csv", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private JsonNode report() {
        ResponseEntity<JsonNode> response =
                http.withBasicAuth("mark", "mark").getForEntity("/api/sla/report", JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private void close(Request request, String closedAt) {
        jdbc.update(
                "UPDATE desk.request SET status = 'CLOSED', outcome = 'ANSWERED', closed_at = ? WHERE id = ?",
                OffsetDateTime.parse(closedAt),
                request.id());
    }

    private static int delta(JsonNode before, JsonNode after, String monday, String which, String type) {
        return week(after, monday).get(which).get(type).asInt()
                - week(before, monday).get(which).get(type).asInt();
    }

    private static JsonNode week(JsonNode report, String monday) {
        for (JsonNode week : report.get("weeks")) {
            if (week.get("monday").asText().equals(monday)) {
                return week;
            }
        }
        throw new AssertionError("No week starting " + monday);
    }

    private static int month(JsonNode report, String month, String field) {
        for (JsonNode m : report.get("months")) {
            if (m.get("month").asText().equals(month)) {
                return m.get(field).asInt();
            }
        }
        throw new AssertionError("No month " + month);
    }
}
