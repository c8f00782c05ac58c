package uk.lucidservices.privacydesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.calendar.SlaStatus;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;

/** The SLA metrics at /actuator/prometheus: open requests by type and status, breaches, days left. */
class SlaMetricsTest extends SlaIntegrationTest {

    @Autowired
    SlaMetrics metrics;

    @Autowired
    SlaBoard board;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestRestTemplate http;

    @Test
    void openRequestsAndDaysLeftFollowTheRegister() {
        metrics.refresh();
        double amberErasures = open(RequestType.ERASURE, SlaStatus.AMBER);
        double overdueComplaints = daysLeft(RequestType.COMPLAINT, SlaClock.INTERNAL_TARGET, "overdue");

        Request nearTarget = logRequest(RequestType.ERASURE, 23); // internal target (day 28) in 4 days
        logRequest(RequestType.COMPLAINT, 30); // internal target 2 days ago
        metrics.refresh();

        assertThat(open(RequestType.ERASURE, SlaStatus.AMBER)).isEqualTo(amberErasures + 1);
        assertThat(daysLeft(RequestType.COMPLAINT, SlaClock.INTERNAL_TARGET, "overdue"))
                .isEqualTo(overdueComplaints + 1);
        // The gauges agree with what the dashboard shows.
        long amberOnBoard = board.openRequests().stream()
                .filter(r -> r.type() == RequestType.ERASURE && r.rag() == SlaStatus.AMBER)
                .count();
        assertThat(open(RequestType.ERASURE, SlaStatus.AMBER)).isEqualTo(amberOnBoard);

        jdbc.update("UPDATE desk.request SET closed_at = CURRENT_TIMESTAMP WHERE id = ?", nearTarget.id());
        metrics.refresh();
        assertThat(open(RequestType.ERASURE, SlaStatus.AMBER)).isEqualTo(amberErasures);
    }

    @Test
    void prometheusShowsTheSlaMetricsToSignedInStaff() {
        logRequest(RequestType.SUBJECT_ACCESS, 1);
        metrics.refresh();

        ResponseEntity<String> scrape =
                http.withBasicAuth("mark", "mark").getForEntity("/actuator/prometheus", String.class);

        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getBody())
                .containsPattern("desk_requests_open\\{status=\"GREEN\",type=\"SUBJECT_ACCESS\"} [1-9]")
                .contains("desk_requests_breaches_total{clock=\"STATUTORY_DEADLINE\",type=\"COMPLAINT\"}")
                .contains(
                        "desk_requests_days_left{bucket=\"15-28\",clock=\"INTERNAL_TARGET\",type=\"SUBJECT_ACCESS\"}");
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private double open(RequestType type, SlaStatus status) {
        return meters.get("desk.requests.open")
                .tag("type", type.name())
                .tag("status", status.name())
                .gauge()
                .value();
    }

    private double daysLeft(RequestType type, SlaClock slaClock, String bucket) {
        return meters.get("desk.requests.days_left")
                .tag("type", type.name())
                .tag("clock", slaClock.name())
                .tag("bucket", bucket)
                .gauge()
                .value();
    }
}
