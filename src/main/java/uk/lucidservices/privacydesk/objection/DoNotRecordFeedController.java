package uk.lucidservices.privacydesk.objection;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.records.DoNotRecordList;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * The do-not-record feed a PBX or dialler polls, as JSON or CSV: E.164 numbers only, for the
 * phone-system group alone (staff work from requests, not from this list). Never cached.
 */
@RestController
@RequestMapping("/api/pbx")
class DoNotRecordFeedController {

    private static final Logger log = LoggerFactory.getLogger(DoNotRecordFeedController.class);

    private final DoNotRecordList list;
    private final CurrentStaff caller;
    private final Clock clock;

    DoNotRecordFeedController(DoNotRecordList list, CurrentStaff caller, Clock clock) {
        this.list = list;
        this.caller = caller;
        this.clock = clock;
    }

    record Feed(OffsetDateTime generatedAt, int count, List<String> numbers) {}

    @GetMapping(value = "/do-not-record", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Feed> json() {
        List<String> numbers = read();
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Feed(OffsetDateTime.now(clock), numbers.size(), numbers));
    }

    @GetMapping(value = "/do-not-record.csv", produces = "text/csv")
    ResponseEntity<String> csv() {
        StringBuilder csv = new StringBuilder("number\r\n");
        read().forEach(n -> csv.append(n).append("\r\n"));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString());
    }

    private List<String> read() {
        caller.requireAnyGroup(DeskGroups.PHONE_SYSTEM);
        List<String> numbers = list.feed();
        log.info("Do-not-record feed read by {}: {} numbers", caller.userId(), numbers.size());
        return numbers;
    }
}
