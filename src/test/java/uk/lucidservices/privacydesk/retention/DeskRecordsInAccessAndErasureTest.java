package uk.lucidservices.privacydesk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.access.RecordSources;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.erasure.ErasureAuthorisation;
import uk.lucidservices.privacydesk.erasure.ErasureExecutor;
import uk.lucidservices.privacydesk.erasure.ErasurePreview;
import uk.lucidservices.privacydesk.erasure.ErasureVerification;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.records.SubjectResolver;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * The desk's own stores are data-map categories: an access request finds the person's earlier
 * (closed) requests and not the one being worked, and an erasure request clears their earlier
 * mail, ID documents, notes and manual answers, keeping what accountability needs.
 */
class DeskRecordsInAccessAndErasureTest extends DeskIntegrationTest {

    /** Demo people no other test class uses. */
    private static final DemoPerson ASKS_AGAIN = person(311);

    private static final DemoPerson ERASES = person(312);

    /** 1 June 2026, 09:00 UTC: two weeks before the suite's day. */
    private static final OffsetDateTime EARLIER = OffsetDateTime.of(2026, 6, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    RequestRegister register;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FileStore files;

    @Autowired
    DataMap dataMap;

    @Autowired
    RecordSources sources;

    @Autowired
    SubjectResolver resolver;

    @Autowired
    ErasurePreview preview;

    @Autowired
    ErasureAuthorisation authorisation;

    @Autowired
    ErasureExecutor executor;

    @Autowired
    ErasureVerification verification;

    @Test
    void anAccessRequestDisclosesThePersonsEarlierRequestsButNotTheOneBeingWorked() {
        Earlier earlier = earlierRequest(ASKS_AGAIN);
        Request current = register.log(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                .name(ASKS_AGAIN.name())
                .email(ASKS_AGAIN.email())
                .summary("Again, please")
                .loggedBy("olivia")
                .build());
        Subject subject = resolver.resolve(List.of(ASKS_AGAIN.email().toUpperCase()), List.of(), List.of());

        List<Map<String, Object>> requests = records("desk-requests", subject);

        assertThat(requests)
                .extracting(r -> r.get("reference"))
                .containsExactly(earlier.request.reference())
                .doesNotContain(current.reference());
        assertThat(requests.get(0))
                .containsEntry("requester_email", ASKS_AGAIN.email())
                .containsEntry("outcome", "DISCLOSED");
        assertThat(records("desk-triage-notes", subject))
                .extracting(r -> r.get("note"))
                .containsExactly("Which account, " + ASKS_AGAIN.firstName() + "?");
        assertThat(records("desk-intake-log", subject))
                .extracting(r -> r.get("subject"))
                .containsExactly("My data");
        assertThat(records("desk-intake-attachments", subject))
                .extracting(r -> r.get("file_name"))
                .containsExactly("passport.pdf");
        assertThat(records("desk-manual-answers", subject))
                .extracting(r -> r.get("manual_answer"))
                .containsExactly("Two letters from " + ASKS_AGAIN.name());
        assertThat(records("desk-sent-letters", subject))
                .extracting(r -> r.get("template"))
                .containsExactly("acknowledgement");
    }

    @Test
    void anErasureRequestClearsTheDesksOwnCopiesAndKeepsWhatAccountabilityNeeds() {
        Earlier earlier = earlierRequest(ERASES);
        Request erasure = register.log(NewRequest.builder(RequestType.ERASURE, Channel.EMAIL)
                .name(ERASES.name())
                .email(ERASES.email())
                .summary("Erase everything")
                .loggedBy("olivia")
                .build());
        jdbc.update(
                "UPDATE desk.request_identifier SET verified = TRUE, state = 'CONFIRMED' WHERE request_id = ?",
                erasure.id());

        preview.preview(erasure.reference(), Set.of(), "olivia");
        authorisation.authorise(erasure.reference(), "mark", true, null);
        executor.execute(erasure.reference());

        assertThat(verification.requireNothingLeft(erasure.reference()).clean()).isTrue();
        Request cleared = register.get(earlier.request.reference());
        assertThat(cleared.requesterName()).isNull();
        assertThat(cleared.requesterEmail()).isNull();
        assertThat(cleared.summary()).isNull();
        assertThat(cleared.type()).isEqualTo(RequestType.SUBJECT_ACCESS);
        assertThat(cleared.outcome()).isEqualTo("DISCLOSED");
        assertThat(cleared.closedAt()).isEqualTo(EARLIER);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM desk.request_identifier WHERE request_id = ?",
                        Integer.class,
                        earlier.request.id()))
                .isZero();
        assertThat(files.exists(earlier.rawFile)).isFalse();
        assertThat(files.exists(earlier.idDocument)).isFalse();
        assertThat(jdbc.queryForMap(
                        "SELECT sender_address, subject, raw_file, outcome FROM desk.intake_log WHERE id = ?",
                        earlier.intakeId))
                .containsEntry("SENDER_ADDRESS", null)
                .containsEntry("SUBJECT", null)
                .containsEntry("RAW_FILE", null)
                .containsEntry("OUTCOME", "STARTED");
        assertThat(jdbc.queryForMap(
                        "SELECT file_name, stored_path, sha256 FROM desk.intake_attachment WHERE intake_id = ?",
                        earlier.intakeId))
                .containsEntry("FILE_NAME", null)
                .containsEntry("STORED_PATH", null)
                .containsEntry("SHA256", "d1");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM desk.triage_note WHERE request_id = ?",
                        Integer.class,
                        earlier.request.id()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT manual_answer FROM desk.search_result WHERE reference = ?",
                        String.class,
                        earlier.request.reference()))
                .isNull();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM desk.sent_letter WHERE request_id = ?",
                        Integer.class,
                        earlier.request.id()))
                .as("kept: which letter went when")
                .isOne();
        assertThat(register.get(erasure.reference()).requesterEmail())
                .as("the request being worked keeps its contact")
                .isEqualTo(ERASES.email());
    }

    private record Earlier(Request request, long intakeId, String rawFile, String idDocument) {}

    /** A subject access request closed two weeks ago, with mail, an ID document, a note, a manual answer and a letter. */
    private Earlier earlierRequest(DemoPerson person) {
        Request request = register.log(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                .name(person.name())
                .email(person.email())
                .summary("Everything you hold")
                .receivedAt(EARLIER.minusDays(20))
                .loggedBy("olivia")
                .build());
        jdbc.update(
                "UPDATE desk.request_identifier SET verified = TRUE, state = 'CONFIRMED' WHERE request_id = ?",
                request.id());
        jdbc.update(
                "UPDATE desk.request SET status = 'CLOSED', outcome = 'DISCLOSED', closed_at = ? WHERE id = ?",
                EARLIER,
                request.id());
        String messageId = "<" + UUID.randomUUID() + "@example.com>";
        String rawFile = "intake/retention/" + UUID.randomUUID() + ".eml";
        String idDocument = "intake/retention/" + UUID.randomUUID() + ".pdf";
        files.write(rawFile, "Please send me my data".getBytes(StandardCharsets.UTF_8));
        files.write(idDocument, "passport scan".getBytes(StandardCharsets.UTF_8));
        jdbc.update(
                """
                INSERT INTO desk.intake_log (message_key, message_id, read_at, sender_address, sender_name, subject, outcome,
                                             request_id, request_reference, raw_file)
                VALUES (?, ?, ?, ?, ?, 'My data', 'STARTED', ?, ?, ?)""",
                messageId,
                messageId,
                EARLIER.minusDays(20),
                person.email(),
                person.name(),
                request.id(),
                request.reference(),
                rawFile);
        long intakeId =
                jdbc.queryForObject("SELECT id FROM desk.intake_log WHERE message_key = ?", Long.class, messageId);
        jdbc.update("""
                INSERT INTO desk.intake_attachment (intake_id, request_id, file_name, content_type, size_bytes, sha256, stored_path)
                VALUES (?, ?, 'passport.pdf', 'application/pdf', 13, 'd1', ?)""", intakeId, request.id(), idDocument);
        jdbc.update(
                "INSERT INTO desk.triage_note (request_id, kind, note, written_by, written_at) VALUES (?, 'CLARIFICATION', ?, 'olivia', ?)",
                request.id(),
                "Which account, " + person.firstName() + "?",
                EARLIER.minusDays(15));
        jdbc.update("""
                INSERT INTO desk.search_result (reference, category_id, system, searched_at, manual, manual_answer, answered_by)
                VALUES (?, 'paper-files', 'Office filing', ?, TRUE, ?, 'olivia')""", request.reference(), EARLIER.minusDays(10), "Two letters from " + person.name());
        jdbc.update(
                """
                INSERT INTO desk.sent_letter (request_id, reference, template, recipient, sent_at, message_id)
                VALUES (?, ?, 'acknowledgement', 'REQUESTER', ?, ?)""",
                request.id(),
                request.reference(),
                EARLIER.minusDays(20),
                "<" + UUID.randomUUID() + "@lucidservices.uk>");
        return new Earlier(request, intakeId, rawFile, idDocument);
    }

    private List<Map<String, Object>> records(String categoryId, Subject subject) {
        Category category = dataMap.category(categoryId).orElseThrow();
        List<Map<String, Object>> rows = new ArrayList<>();
        sources.handling(category).forEach(source -> source.forEachRecord(category, subject, rows::add));
        return rows;
    }

    private static DemoPerson person(int index) {
        return TestPeople.person(DeskRecordsInAccessAndErasureTest.class, index);
    }
}
