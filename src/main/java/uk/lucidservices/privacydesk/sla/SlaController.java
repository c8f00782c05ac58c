package uk.lucidservices.privacydesk.sla;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * Managers' view of every open request's clocks, for the Cockpit dashboard plugin and for
 * reporting: the open requests (also as CSV) and the report the dashboard draws its charts from. Managers only: 403 for other staff, 401 without a sign-in (HTTP Basic, or a Cockpit
 * session for reading).
 */
@RestController
@RequestMapping("/api/sla")
class SlaController {

    private final SlaBoard board;
    private final SlaReport report;
    private final CurrentStaff staff;
    private final Clock clock;

    public SlaController(SlaBoard board, SlaReport report, CurrentStaff staff, Clock clock) {
        this.board = board;
        this.report = report;
        this.staff = staff;
        this.clock = clock;
    }

    @GetMapping("/requests")
    public List<RequestSla> requests() {
        staff.requireAnyGroup(DeskGroups.MANAGERS);
        return board.openRequests();
    }

    /** The open requests' table as CSV, for a spreadsheet: references, types, dates and counts only. */
    @GetMapping(value = "/requests.csv", produces = "text/csv")
    public ResponseEntity<String> requestsAsCsv() {
        staff.requireAnyGroup(DeskGroups.MANAGERS);
        StringBuilder csv = new StringBuilder("reference,type,status,received,clock_start,internal_target,"
                + "internal_days_left,statutory_deadline,statutory_days_left,paused,extended,breached,rag\r\n");
        for (RequestSla r : board.openRequests()) {
            csv.append(String.join(
                            ",",
                            r.reference(),
                            r.type().name(),
                            r.status(),
                            r.receivedAt()
                                    .atZoneSameInstant(clock.getZone())
                                    .toLocalDate()
                                    .toString(),
                            String.valueOf(r.clockStart()),
                            String.valueOf(r.internalTarget()),
                            String.valueOf(r.internalDaysLeft()),
                            String.valueOf(r.statutoryDeadline()),
                            String.valueOf(r.statutoryDaysLeft()),
                            String.valueOf(r.paused()),
                            String.valueOf(r.extended()),
                            String.valueOf(r.breached()),
                            r.rag().name()))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("open-requests-" + LocalDate.now(clock) + ".csv")
                                .build()
                                .toString())
                .body(csv.toString());
    }

    /** Weekly intake and closures by type, the on-time share per month, open requests by days left, breaches. */
    @GetMapping("/report")
    public SlaReport.Report report() {
        staff.requireAnyGroup(DeskGroups.MANAGERS);
        return report.report();
    }
}
