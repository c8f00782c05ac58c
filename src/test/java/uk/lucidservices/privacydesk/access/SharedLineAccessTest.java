package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import uk.lucidservices.privacydesk.records.FileStore;

/**
 * A household line: Hannah Quist holds the account and calls from its landline; Ravi Quist calls
 * from his own number, and a caller who withheld their number called too, both filed against
 * Hannah's account. Hannah's access request finds her own call by her number; the other two calls
 * only the account reaches, so they wait in the third-party review with every call's audio, and
 * are in the pack only where the reviewer keeps them.
 */
class SharedLineAccessTest extends SarProcessTestSupport {

    private static final String ACCOUNT = "LS770731";
    private static final String HANNAH_EMAIL = "hannah.quist.731@example.net";
    private static final String HANNAH_LANDLINE = "0113 496 0731";
    private static final String RAVI_MOBILE = "0113 496 0732";
    private static final String DIR = "recordings/shared-line-access/";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ManualSearchChecklist checklist;

    @Autowired
    RedactionReview review;

    @Autowired
    DisclosurePackBuilder builder;

    @Autowired
    DisclosurePacks packs;

    @Autowired
    FileStore fileStore;

    @Autowired
    TestRestTemplate http;

    private long hannahCall;
    private long raviCall;
    private long withheldCall;

    @BeforeEach
    void household() {
        if (jdbc.queryForObject(
                        "SELECT COUNT(*) FROM records.crm_account WHERE account_number = ?", Long.class, ACCOUNT)
                == 0) {
            jdbc.update("""
                    INSERT INTO records.crm_account (account_number, name, email, email_key, phone, phone_key, status, opened_on)
                    VALUES (?, 'Hannah Quist', ?, ?, ?, '+441134960731', 'ACTIVE', DATE '2021-06-01')""", ACCOUNT, HANNAH_EMAIL, HANNAH_EMAIL, HANNAH_LANDLINE);
            long account = jdbc.queryForObject(
                    "SELECT id FROM records.crm_account WHERE account_number = ?", Long.class, ACCOUNT);
            call(account, HANNAH_LANDLINE, "+441134960731", "hannah.wav");
            call(account, RAVI_MOBILE, "+441134960732", "ravi.wav");
            call(account, "Withheld", null, "withheld.wav");
        }
        hannahCall = callWithAudio("hannah.wav");
        raviCall = callWithAudio("ravi.wav");
        withheldCall = callWithAudio("withheld.wav");
    }

    @Test
    void anotherCallersRecordingOnTheAccountIsHeldForReviewAndLeftOutUnlessKept() throws Exception {
        ProcessInstance pi = searchedAndWaitingForReview();
        String reference = pi.getBusinessKey();

        assertThat(jdbc.queryForObject(
                        "SELECT record_count FROM desk.search_result WHERE reference = ? AND category_id = 'call-recordings'",
                        Long.class,
                        reference))
                .as("found by Hannah's own number")
                .isEqualTo(1L);
        assertThat(callItems(reference))
                .isEqualTo(Set.of(
                        hannahCall + ":agent_name",
                        hannahCall + ":audio_file",
                        raviCall + ":via-account",
                        raviCall + ":agent_name",
                        raviCall + ":audio_file",
                        withheldCall + ":via-account",
                        withheldCall + ":agent_name",
                        withheldCall + ":audio_file"));
        assertThat(packs.current(reference))
                .as("no pack until the review is decided")
                .isEmpty();
        assertThatThrownBy(() -> builder.build(reference, "olivia")).hasMessageContaining("no redaction decision");

        JsonNode listed = JSON.readTree(http.withBasicAuth("peter", "peter")
                .getForEntity("/api/access-requests/" + reference + "/redaction-items", String.class)
                .getBody());
        assertThat(listed).anySatisfy(item -> {
            assertThat(item.get("item").asText()).isEqualTo("call-recordings:" + raviCall + ":via-account");
            assertThat(item.get("text").asText()).startsWith("Found only through the account");
        });

        work(
                pi,
                "Task_ReviewRedactions",
                "olivia",
                Map.of(
                        "redactionDefault",
                        "KEEP",
                        "redactionDefaultReason",
                        "Staff acting in their work role",
                        "redactionExceptions",
                        "call-recordings:" + raviCall + ":via-account:WITHHOLD:Another caller on the household line\n"
                                + "call-recordings:" + withheldCall
                                + ":via-account:WITHHOLD:Caller not known to be the requester"));
        process(pi).isWaitingAt("Task_ApprovePack");

        try (ZipFile zip = pack(pi)) {
            assertThat(ids(zip)).containsExactly(hannahCall);
            assertThat(recordings(zip)).containsExactly("recordings/call-recordings/" + hannahCall + "-hannah.wav");
            assertThat(new String(entry(zip, "data/call-recordings.csv"), StandardCharsets.UTF_8))
                    .doesNotContain(RAVI_MOBILE);
        }
        assertThat(register.events(register.get(reference).id()))
                .filteredOn(e -> e.kind().equals("PACK_BUILT"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("via-account-left-out=2"));
    }

    @Test
    void aKeptRecordOfAnotherCallerIsDisclosedAndItsAudioOnlyIfTheAudioIsKeptToo() throws Exception {
        ProcessInstance pi = searchedAndWaitingForReview();

        work(
                pi,
                "Task_ReviewRedactions",
                "olivia",
                Map.of(
                        "redactionDefault",
                        "KEEP",
                        "redactionDefaultReason",
                        "Staff acting in their work role",
                        "redactionExceptions",
                        "call-recordings:" + raviCall + ":audio_file:REDACT:Ravi's voice, not Hannah's\n"
                                + "call-recordings:" + withheldCall
                                + ":via-account:REDACT:Caller not known to be the requester"));
        process(pi).isWaitingAt("Task_ApprovePack");

        try (ZipFile zip = pack(pi)) {
            assertThat(ids(zip))
                    .as("a redacted whole-record item leaves the record out")
                    .containsExactly(hannahCall, raviCall);
            assertThat(recordings(zip)).containsExactly("recordings/call-recordings/" + hannahCall + "-hannah.wav");
            assertThat(entry(zip, "recordings/call-recordings/" + hannahCall + "-hannah.wav"))
                    .isEqualTo(Files.readAllBytes(fileStore.resolve(DIR + "hannah.wav")));
            for (JsonNode row : JSON.readTree(entry(zip, "data/call-recordings.json"))) {
                if (row.get("id").asLong() == raviCall) {
                    assertThat(row.get("audio_file").asText()).isEqualTo(Redactions.REDACTED);
                }
            }
        }
    }

    /** Hannah asks by email and phone; a second officer confirms; the search and manual checklist run. */
    private ProcessInstance searchedAndWaitingForReview() {
        ProcessInstance pi = startRequest(HANNAH_EMAIL, HANNAH_LANDLINE, 1);
        process(pi).isWaitingAt("Task_ConfirmIdentity");
        work(pi, "Task_ConfirmIdentity", "peter", Map.of("identityDecision", "CONFIRMED"));
        work(pi, "Task_TriageRequest", "olivia", Map.of("triageDecision", "PROCEED"));
        Map<String, Object> answers = new HashMap<>();
        for (String category : checklist.categories(pi.getBusinessKey())) {
            answers.put(
                    ManualSearchChecklist.answerField(category),
                    "Searched by every verified identifier; nothing found");
            answers.put(ManualSearchChecklist.countField(category), 0L);
        }
        work(pi, "Task_SearchManualSystems", "olivia", answers);
        process(pi).isWaitingAt("Task_ReviewRedactions");
        return pi;
    }

    private Set<String> callItems(String reference) {
        return review.items(reference).stream()
                .filter(i -> i.categoryId().equals("call-recordings"))
                .map(i -> i.recordId() + ":" + i.field())
                .collect(Collectors.toSet());
    }

    private ZipFile pack(ProcessInstance pi) throws IOException {
        String packId = (String) runtimeService.getVariable(pi.getId(), "packId");
        return new ZipFile(
                fileStore.resolve(packs.find(packId).orElseThrow().filePath()).toFile());
    }

    private static Set<Long> ids(ZipFile zip) throws IOException {
        Set<Long> ids = new TreeSet<>();
        JSON.readTree(entry(zip, "data/call-recordings.json"))
                .forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    private static Set<String> recordings(ZipFile zip) {
        return zip.stream()
                .map(ZipEntry::getName)
                .filter(n -> n.startsWith("recordings/call-recordings/"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static byte[] entry(ZipFile zip, String name) throws IOException {
        return AccessTestSupport.entry(zip, name);
    }

    private void call(long account, String cli, String cliKey, String audio) {
        fileStore.write(DIR + audio, ("RIFF " + audio).getBytes(StandardCharsets.UTF_8));
        jdbc.update("""
                INSERT INTO records.call_recording (account_id, cli, cli_key, dialled_number, started_at, duration_seconds,
                    agent_name, audio_file) VALUES (?, ?, ?, '0330 088 1234', TIMESTAMP WITH TIME ZONE '2025-03-04 11:00:00+00',
                    75, 'Sam Porter', ?)""", account, cli, cliKey, DIR + audio);
    }

    private long callWithAudio(String audio) {
        return jdbc.queryForObject(
                "SELECT id FROM records.call_recording WHERE audio_file = ?", Long.class, DIR + audio);
    }
}
