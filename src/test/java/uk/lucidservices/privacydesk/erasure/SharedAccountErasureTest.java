package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * A household line: Nadia Brook holds the account and calls from its landline; Tom Brook calls
 * from his own mobile, and those calls are filed against the same account. Two recordings are
 * shared: a conference call filed against one call of each, and a transfer filed against one of
 * Nadia's calls and one of Tom's telemarketing calls (another table). Nadia's erasure must take
 * her calls only, and each shared recording must stay while a row still points at it; Tom's
 * erasure, afterwards, takes the rest and the last shared recordings with it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedAccountErasureTest extends ErasureTestSupport {

    private static final String ACCOUNT = "LS770741";
    private static final String NADIA_EMAIL = "nadia.brook.741@example.net";
    private static final String NADIA_LANDLINE = "0113 496 0741";
    private static final String TOM_MOBILE = "0113 496 0742";
    private static final String DIR = "recordings/shared-account-erasure/";
    private static final String CONFERENCE = DIR + "conference.wav";
    private static final String TRANSFER = DIR + "transfer.wav";
    private static final String NADIA_ONLY = DIR + "nadia-only.wav";
    private static final String TOM_ONLY = DIR + "tom-only.wav";

    @Autowired
    ErasurePreview preview;

    @Autowired
    ErasureAuthorisation authorisation;

    @Autowired
    ErasureExecutor executor;

    @Autowired
    ErasureVerification verification;

    @Autowired
    ErasureRunItems runItems;

    private long accountId;
    private Set<Long> nadiaCalls;
    private Set<Long> tomCalls;
    private long tomTmCall;
    private Map<String, Map<Long, String>> checksumsBefore;

    private String nadiaReference;
    private Map<String, ErasurePlanItem> nadiaPlan;
    private ErasureVerification.Result nadiaVerified;
    private Map<String, Map<Long, String>> checksumsAfterNadia;
    private Map<String, Boolean> filesAfterNadia;

    private String tomReference;
    private Map<String, Boolean> filesAfterTom;

    @BeforeAll
    void eraseNadiaThenTom() {
        demoData();
        household();
        checksumsBefore = rowChecksums();

        nadiaReference = erasureRequest("Nadia Brook", NADIA_EMAIL, NADIA_LANDLINE);
        nadiaPlan = new HashMap<>();
        preview.preview(nadiaReference, Set.of(), "olivia").forEach(i -> nadiaPlan.put(i.categoryId(), i));
        authorisation.authorise(nadiaReference, "mark", true, null);
        executor.execute(nadiaReference);
        nadiaVerified = verification.verify(nadiaReference);
        checksumsAfterNadia = rowChecksums();
        filesAfterNadia = files();

        tomReference = erasureRequest("Tom Brook", null, TOM_MOBILE);
        preview.preview(tomReference, Set.of(), "olivia");
        authorisation.authorise(tomReference, "mark", true, null);
        executor.execute(tomReference);
        filesAfterTom = files();
    }

    @Test
    void thePreviewCountsOnlyNadiasOwnCallsNotEveryCallOnTheAccount() {
        assertThat(accountCalls(checksumsBefore)).hasSize(5);
        assertThat(nadiaPlan.get("call-recordings").recordCount()).isEqualTo(3L);
        assertThat(nadiaPlan.get("tm-call-recordings").recordCount()).isZero();
    }

    @Test
    void erasingNadiaLeavesTomsCallsOnTheSharedAccountExactlyAsTheyWere() {
        Map<Long, String> before = accountCalls(checksumsBefore);
        Map<Long, String> after = accountCalls(checksumsAfterNadia);
        assertThat(after.keySet()).isEqualTo(tomCalls);
        assertThat(after).hasSize(2);
        for (long tomCall : tomCalls) {
            assertThat(after.get(tomCall))
                    .as("checksum of Tom's call " + tomCall)
                    .isEqualTo(before.get(tomCall));
        }
        assertThat(checksumsAfterNadia.get("tm_call_recording").get(tomTmCall))
                .isEqualTo(checksumsBefore.get("tm_call_recording").get(tomTmCall));
        // Nobody else's row changed either: every row but Nadia's three calls is as it was.
        for (String table : CATEGORY_OF_TABLE.keySet()) {
            Map<Long, String> expected = new HashMap<>(checksumsBefore.get(table));
            if (table.equals("call_recording")) {
                expected.keySet().removeAll(nadiaCalls);
            }
            assertThat(checksumsAfterNadia.get(table)).as("rows of " + table).isEqualTo(expected);
        }
    }

    @Test
    void theRepeatedSearchForNadiaIsCleanAlthoughTomsCallsAreStillOnHerAccount() {
        assertThat(nadiaVerified.clean()).isTrue();
        assertThat(runItems.item(nadiaReference, "call-recordings")
                        .orElseThrow()
                        .deleted())
                .isEqualTo(3);
    }

    @Test
    void aSharedRecordingStaysWhileAnotherRowPointsAtIt() {
        assertThat(filesAfterNadia)
                .containsEntry(CONFERENCE, true)
                .containsEntry(TRANSFER, true)
                .containsEntry(TOM_ONLY, true)
                .containsEntry(NADIA_ONLY, false);
        assertThat(runItems.item(nadiaReference, "call-recordings")
                        .orElseThrow()
                        .filesDeleted())
                .as("only the recording no other row points at")
                .isEqualTo(1);
    }

    @Test
    void theSharedRecordingsGoWithTheLastRowsThatPointAtThem() {
        assertThat(filesAfterTom)
                .containsEntry(CONFERENCE, false)
                .containsEntry(TRANSFER, false)
                .containsEntry(TOM_ONLY, false)
                .containsEntry(NADIA_ONLY, false);
        assertThat(runItems.item(tomReference, "call-recordings").orElseThrow().filesDeleted())
                .isEqualTo(2);
        assertThat(runItems.item(tomReference, "call-recordings").orElseThrow().deleted())
                .isEqualTo(2);
        assertThat(runItems.item(tomReference, "tm-call-recordings")
                        .orElseThrow()
                        .filesDeleted())
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM records.call_recording WHERE account_id = ?", Long.class, accountId))
                .isZero();
    }

    /** The household's rows, inserted once; recordings are plain files in the file store. */
    private void household() {
        jdbc.update("""
                INSERT INTO records.crm_account (account_number, name, email, email_key, phone, phone_key, status, opened_on)
                VALUES (?, 'Nadia Brook', ?, ?, ?, '+441134960741', 'ACTIVE', DATE '2022-03-01')""", ACCOUNT, NADIA_EMAIL, NADIA_EMAIL, NADIA_LANDLINE);
        accountId =
                jdbc.queryForObject("SELECT id FROM records.crm_account WHERE account_number = ?", Long.class, ACCOUNT);
        for (String file : List.of(CONFERENCE, TRANSFER, NADIA_ONLY, TOM_ONLY)) {
            fileStore.write(file, ("RIFF " + file).getBytes(StandardCharsets.UTF_8));
        }
        long n1 = call(NADIA_LANDLINE, "+441134960741", CONFERENCE);
        long n2 = call(NADIA_LANDLINE, "+441134960741", TRANSFER);
        long n3 = call(NADIA_LANDLINE, "+441134960741", NADIA_ONLY);
        long t1 = call(TOM_MOBILE, "+441134960742", CONFERENCE);
        long t2 = call(TOM_MOBILE, "+441134960742", TOM_ONLY);
        nadiaCalls = Set.of(n1, n2, n3);
        tomCalls = Set.of(t1, t2);
        jdbc.update("""
                INSERT INTO records.tm_lead (source, name, phone, phone_key, consent, tps_status, imported_on)
                VALUES ('Prospect Lists plc', 'Tom Brook', ?, '+441134960742', TRUE, 'CLEAR', DATE '2025-01-10')""", TOM_MOBILE);
        long lead = jdbc.queryForObject(
                "SELECT MAX(id) FROM records.tm_lead WHERE phone_key = '+441134960742'", Long.class);
        jdbc.update("""
                INSERT INTO records.tm_call_recording (lead_id, started_at, duration_seconds, agent_name, outcome, audio_file)
                VALUES (?, TIMESTAMP WITH TIME ZONE '2025-01-12 10:00:00+00', 95, 'Jo Marsh', 'CALL_BACK', ?)""", lead, TRANSFER);
        tomTmCall = jdbc.queryForObject(
                "SELECT MAX(id) FROM records.tm_call_recording WHERE lead_id = ?", Long.class, lead);
    }

    private long call(String cli, String cliKey, String audio) {
        jdbc.update("""
                INSERT INTO records.call_recording (account_id, cli, cli_key, dialled_number, started_at, duration_seconds,
                    agent_name, audio_file) VALUES (?, ?, ?, '0330 088 1234', TIMESTAMP WITH TIME ZONE '2025-02-03 09:30:00+00',
                    140, 'Dee Khan', ?)""", accountId, cli, cliKey, audio);
        return jdbc.queryForObject(
                "SELECT MAX(id) FROM records.call_recording WHERE account_id = ?", Long.class, accountId);
    }

    /** Logged as the person asked, with the identifiers the identity check verified. */
    private String erasureRequest(String name, String email, String phone) {
        Request request =
                register.log(NewRequest.builder(RequestType.ERASURE, email == null ? Channel.PHONE : Channel.EMAIL)
                        .name(name)
                        .email(email)
                        .phone(phone)
                        .summary("Please delete my call recordings and everything else")
                        .loggedBy("olivia")
                        .build());
        jdbc.update(
                "UPDATE desk.request_identifier SET verified = TRUE, state = 'CONFIRMED' WHERE request_id = ?",
                request.id());
        return request.reference();
    }

    private Map<Long, String> accountCalls(Map<String, Map<Long, String>> checksums) {
        Set<Long> household = new HashSet<>(nadiaCalls);
        household.addAll(tomCalls);
        Map<Long, String> calls = new HashMap<>(checksums.get("call_recording"));
        calls.keySet().retainAll(household);
        return calls;
    }

    private Map<String, Boolean> files() {
        Map<String, Boolean> present = new HashMap<>();
        for (String file : List.of(CONFERENCE, TRANSFER, NADIA_ONLY, TOM_ONLY)) {
            present.put(file, fileStore.exists(file));
        }
        return present;
    }
}
