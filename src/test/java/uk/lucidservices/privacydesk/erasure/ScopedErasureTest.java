package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.datamap.ErasureAction;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;

/**
 * Demo person 50 asks to erase only their call recordings (the named scope {@code call-recordings}),
 * and the privacy officer keeps the telemarketing recordings for a legal claim (Art. 17(3)(e)):
 * only the inbound call recordings and their audio go; everything else stays as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopedErasureTest extends ErasureTestSupport {

    private static final DemoPerson PERSON = TestPeople.person(ScopedErasureTest.class, 50);
    private static final String LEGAL_CLAIM =
            "Needed to defend a legal claim about a disputed sales call (Art. 17(3)(e))";

    @Autowired
    ErasurePreview preview;

    @Autowired
    ErasureScopes scopes;

    @Autowired
    ErasureAuthorisation authorisation;

    @Autowired
    ErasureExecutor executor;

    @Autowired
    ErasureVerification verification;

    @Autowired
    ErasureCertificate certificate;

    @Autowired
    ErasurePlan plan;

    @Autowired
    ObjectMapper json;

    private String reference;
    private Map<String, Set<Long>> before;
    private Map<String, Map<Long, String>> checksumsBefore;
    private List<String> inboundAudio;
    private List<String> telemarketingAudio;
    private Map<String, Set<Long>> after;
    private JsonNode certificateJson;

    @BeforeAll
    void eraseOnlyCallRecordings() throws IOException {
        demoData();
        before = directSearch(PERSON);
        checksumsBefore = rowChecksums();
        inboundAudio =
                audioFiles(Map.of("call_recording", before.get("call_recording"), "tm_call_recording", Set.of()));
        telemarketingAudio =
                audioFiles(Map.of("call_recording", Set.of(), "tm_call_recording", before.get("tm_call_recording")));
        reference = logErasureRequest(PERSON).reference();

        preview.preview(reference, scopes.categories("call-recordings"), "olivia");
        preview.markKept(reference, "tm-call-recordings", LEGAL_CLAIM, "olivia");
        authorisation.authorise(reference, "mark", true, null);
        executor.execute(reference);
        verification.requireNothingLeft(reference);
        certificateJson = json.readTree(Files.readAllBytes(
                fileStore.resolve(certificate.issue(reference).jsonPath())));
        after = directSearch(PERSON);
    }

    @Test
    void theNamedScopeCoversBothKindsOfCallRecording() {
        assertThat(scopes.categories("call-recordings"))
                .containsExactlyInAnyOrder("call-recordings", "tm-call-recordings");
        assertThat(scopes.categories("marketing"))
                .containsExactlyInAnyOrder("tm-leads", "tm-call-recordings", "web-enquiries");
    }

    @Test
    void onlyTheInboundCallRecordingsAndTheirAudioAreErased() {
        assertThat(before.get("call_recording")).isNotEmpty();
        assertThat(after.get("call_recording")).isEmpty();
        assertThat(inboundAudio)
                .isNotEmpty()
                .allSatisfy(f -> assertThat(fileStore.exists(f)).as(f).isFalse());
    }

    @Test
    void theRecordingsTheOfficerKeptStayWithTheirAudioAndTheReason() {
        assertThat(after.get("tm_call_recording"))
                .isEqualTo(before.get("tm_call_recording"))
                .isNotEmpty();
        assertThat(telemarketingAudio)
                .isNotEmpty()
                .allSatisfy(f -> assertThat(fileStore.exists(f)).as(f).isTrue());
        ErasurePlanItem kept = plan.item(reference, "tm-call-recordings").orElseThrow();
        assertThat(kept.action()).isEqualTo(ErasureAction.KEEP);
        assertThat(kept.keepReason()).isEqualTo(LEGAL_CLAIM);
        assertThat(kept.markedBy()).isEqualTo("olivia");
        JsonNode line = line("tm-call-recordings");
        assertThat(line.get("kept").asLong())
                .isEqualTo(before.get("tm_call_recording").size());
        assertThat(line.get("keptReason").asText()).isEqualTo(LEGAL_CLAIM);
        assertThat(line.get("keptBy").asText()).isEqualTo("olivia");
    }

    @Test
    void everythingOutsideTheScopeIsUntouchedAndTheCertificateSaysWhy() {
        Map<String, Map<Long, String>> checksumsAfter = rowChecksums();
        for (String table : CATEGORY_OF_TABLE.keySet()) {
            if (table.equals("call_recording")) {
                continue;
            }
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
            for (Long id : before.get(table)) {
                assertThat(checksumsAfter.get(table).get(id))
                        .as(table + " row")
                        .isEqualTo(checksumsBefore.get(table).get(id));
            }
        }
        assertThat(line("web-enquiries").get("keptReason").asText()).startsWith(ErasurePreview.OUTSIDE_SCOPE);
        assertThat(certificateJson.get("scope").asText()).isEqualTo("tm-call-recordings,call-recordings");
    }

    private JsonNode line(String category) {
        for (JsonNode system : certificateJson.get("systems")) {
            for (JsonNode line : system.get("categories")) {
                if (category.equals(line.get("category").asText())) {
                    return line;
                }
            }
        }
        throw new AssertionError("No line for " + category);
    }
}
