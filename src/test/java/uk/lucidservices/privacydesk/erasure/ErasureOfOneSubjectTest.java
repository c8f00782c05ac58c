package uk.lucidservices.privacydesk.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.datamap.ErasureAction;
import uk.lucidservices.privacydesk.mail.Recipient;
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.records.SuppressionList;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.telemarketing.TelemarketingImport;

/**
 * The whole erasure of demo person 40, who is in every system under differently written numbers
 * and emails: preview, four-eyes approval, erasure, suppression, verification, recipients and
 * certificate, then checks from outside the desk (plain SQL, the file store, the certificate files).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureOfOneSubjectTest extends ErasureTestSupport {

    private static final DemoPerson PERSON = TestPeople.person(ErasureOfOneSubjectTest.class, 40);

    @Autowired
    ErasurePreview preview;

    @Autowired
    ErasureAuthorisation authorisation;

    @Autowired
    ErasureExecutor executor;

    @Autowired
    SuppressionList suppression;

    @Autowired
    ErasureSubjects subjects;

    @Autowired
    ErasureVerification verification;

    @Autowired
    RecipientNotices recipients;

    @Autowired
    ErasureCertificate certificate;

    @Autowired
    ErasureRunItems runItems;

    @Autowired
    TelemarketingImport telemarketing;

    @Autowired
    ObjectMapper json;

    @Autowired
    SentLetters sentLetters;

    private String reference;
    private Map<String, Set<Long>> before;
    private Map<String, Map<Long, String>> checksumsBefore;
    private List<String> audioBefore;
    private boolean audioPresentBefore;
    private List<ErasurePlanItem> plan;
    private ErasureExecutor.Pass firstPass;
    private ErasureExecutor.Pass secondPass;
    private ErasureVerification.Result verified;
    private ErasureCertificate.Issued issued;

    @BeforeAll
    void eraseTheSubject() {
        demoData();
        before = directSearch(PERSON);
        checksumsBefore = rowChecksums();
        audioBefore = audioFiles(before);
        audioPresentBefore = audioBefore.stream().allMatch(fileStore::exists);
        Request request = logErasureRequest(PERSON);
        reference = request.reference();

        plan = preview.preview(reference, Set.of(), "olivia");
        authorisation.authorise(reference, "mark", true, null);
        firstPass = executor.execute(reference);
        secondPass = executor.execute(reference);
        suppression.suppress(reference, subjects.subject(reference));
        verified = verification.requireNothingLeft(reference);
        recipients.listToNotify(reference);
        for (String recipient : recipients.recipients(reference)) {
            recipients.record(reference, recipient, RecipientNotices.NOTIFIED, "Told by internal memo", "olivia");
        }
        issued = certificate.issue(reference);
    }

    @Test
    void theSubjectIsFoundInEverySystemBeforeErasure() {
        assertThat(sizes(before))
                .allSatisfy((table, n) -> assertThat(n).as(table).isPositive());
        assertThat(audioBefore).isNotEmpty();
        assertThat(audioPresentBefore).isTrue();
    }

    @Test
    void thePreviewGivesEachCategoryAnActionACountAndAReasonForWhatIsKept() {
        Map<String, ErasurePlanItem> byCategory = new HashMap<>();
        plan.forEach(i -> byCategory.put(i.categoryId(), i));
        assertThat(byCategory.get("call-recordings").action()).isEqualTo(ErasureAction.DELETE);
        assertThat(byCategory.get("call-recordings").recordCount())
                .isEqualTo(before.get("call_recording").size());
        assertThat(byCategory.get("crm-contacts").action()).isEqualTo(ErasureAction.ANONYMISE);
        assertThat(byCategory.get("contracts").action()).isEqualTo(ErasureAction.KEEP);
        assertThat(byCategory.get("contracts").keepReason()).contains("Art. 17(3)");
        assertThat(byCategory.get("complaints").keepReason()).contains("complaints");
        assertThat(byCategory.get("social-media").manual()).isTrue();
        assertThat(byCategory.get("social-media").recordCount()).isNull();
        CATEGORY_OF_TABLE.forEach(
                (table, category) -> assertThat(byCategory.get(category).recordCount())
                        .as(category)
                        .isEqualTo((long) before.get(table).size()));
        // Children before parents, as the data map lists them.
        List<String> order = plan.stream().map(ErasurePlanItem::categoryId).toList();
        assertThat(order.indexOf("chat-messages")).isLessThan(order.indexOf("chat-transcripts"));
        assertThat(order.indexOf("tm-call-recordings")).isLessThan(order.indexOf("tm-leads"));
    }

    @Test
    void afterErasureASearchByEveryIdentifierFindsOnlyWhatTheCertificateSaysWasKept() throws IOException {
        Map<String, Set<Long>> after = directSearch(PERSON);
        Map<String, Long> keptInCertificate = new HashMap<>();
        for (JsonNode system : certificateJson().get("systems")) {
            for (JsonNode line : system.get("categories")) {
                if ("KEEP".equals(line.get("action").asText())
                        && !line.get("kept").isNull()) {
                    keptInCertificate.put(
                            line.get("category").asText(), line.get("kept").asLong());
                }
            }
        }
        CATEGORY_OF_TABLE.forEach(
                (table, category) -> assertThat((long) after.get(table).size())
                        .as("rows of the person left in " + table)
                        .isEqualTo(keptInCertificate.getOrDefault(category, 0L)));
        // The desk keeps which letters it sent (retention.DeskRecordSource), no longer linked to the person once
        // erased.
        // So does a restriction of processing (Art. 18), kept so the data stays restricted; this person has none.
        assertThat(keptInCertificate)
                .containsOnlyKeys(
                        "complaints",
                        "contracts",
                        "crm-accounts",
                        "call-detail-records",
                        "invoices",
                        "payments",
                        "desk-sent-letters",
                        "desk-processing-restrictions")
                .containsEntry("desk-sent-letters", 0L)
                .containsEntry("desk-processing-restrictions", 0L);
        assertThat(List.of("complaints", "contracts", "crm-accounts", "call-detail-records", "invoices", "payments"))
                .allSatisfy(c -> assertThat(keptInCertificate.get(c)).isPositive());
    }

    @Test
    void theAnonymisedContactRowStaysWithoutItsPersonalFields() {
        Long contactId = before.get("crm_contact").iterator().next();
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM records.crm_contact WHERE id = ?", contactId);
        assertThat(row.get("name")).isNull();
        assertThat(row.get("email")).isNull();
        assertThat(row.get("phone_key")).isNull();
        assertThat(row.get("account_id")).isNotNull();
    }

    @Test
    void theAudioFilesAreGoneFromTheFileStore() {
        assertThat(audioBefore)
                .allSatisfy(f ->
                        assertThat(Files.exists(fileStore.resolve(f))).as(f).isFalse());
        long recordings = before.get("call_recording").size()
                + before.get("tm_call_recording").size()
                + before.get("cctv_footage").size();
        assertThat(firstPass.filesDeleted()).isEqualTo(recordings);
    }

    @Test
    void otherSubjectsRowsAreUntouched() {
        Map<String, Map<Long, String>> after = rowChecksums();
        for (String table : CATEGORY_OF_TABLE.keySet()) {
            Map<Long, String> othersBefore = new HashMap<>(checksumsBefore.get(table));
            othersBefore.keySet().removeAll(before.get(table));
            Map<Long, String> othersAfter = new HashMap<>(after.get(table));
            othersAfter.keySet().retainAll(othersBefore.keySet());
            assertThat(othersAfter).as("other people's rows in " + table).hasSameSizeAs(othersBefore);
            assertThat(othersAfter).as("other people's rows in " + table).isEqualTo(othersBefore);
        }
    }

    @Test
    void otherPeoplesAudioFilesAreStillThere() {
        List<String> others = new ArrayList<>(jdbc.queryForList(
                "SELECT audio_file FROM records.call_recording WHERE audio_file IS NOT NULL", String.class));
        assertThat(others)
                .isNotEmpty()
                .allSatisfy(f -> assertThat(fileStore.exists(f)).as(f).isTrue());
    }

    @Test
    void aSecondRunFindsEverythingDoneAndCountsNoNewWork() {
        // 10 company categories (7, and number ports, directory listings, CCTV footage) and 6 of the desk's own
        // (earlier requests, their mail, attachments, notes, answers, decisions on rectification, restriction
        // or objection).
        assertThat(firstPass.categoriesErased()).isEqualTo(16);
        assertThat(firstPass.deleted()).isPositive();
        assertThat(firstPass.anonymised()).isEqualTo(before.get("crm_contact").size());
        assertThat(secondPass.didNothing()).isTrue();
        assertThat(runItems.items(reference))
                .allSatisfy(r -> assertThat(r.passes()).isEqualTo(1));
        long deleted = runItems.items(reference).stream()
                .mapToLong(ErasureRunItem::deleted)
                .sum();
        assertThat(deleted).isEqualTo(firstPass.deleted());
    }

    @Test
    void theRepeatedSearchFindsNothingErasableLeft() {
        assertThat(verified.clean()).isTrue();
    }

    @Test
    void recipientsOfErasedDataAreListedFromTheDataMap() {
        assertThat(recipients.notices(reference))
                .extracting(RecipientNotices.Notice::recipient)
                .contains(
                        "Our hosted PBX platform provider (processor)",
                        "Our telemarketing dialler provider (processor)",
                        "The TPS/CTPS screening service",
                        "Our website host GoDaddy (processor)",
                        "Our live-chat provider (processor)",
                        "The directory publisher (the BT OSIS directory database) and the directory enquiry"
                                + " services supplied from it",
                        "Our CCTV video storage provider (processor)")
                // Kept categories (accounts, contracts, bills, payments, call detail records) notify nobody.
                .doesNotContain(
                        "HMRC where the law requires",
                        "Our billing platform provider (processor)",
                        "Our card and Direct Debit payment processor (processor)")
                .allSatisfy(r -> assertThat(r).doesNotStartWith("Lucid "));
    }

    @Test
    void theCertificateCountsPerSystemWithDatesAndDecisionMakers() throws IOException {
        JsonNode cert = certificateJson();
        assertThat(cert.get("reference").asText()).isEqualTo(reference);
        assertThat(cert.get("people").get("preparedBy").asText()).isEqualTo("olivia");
        assertThat(cert.get("people").get("authorisedBy").asText()).isEqualTo("mark");
        for (String date : List.of("received", "prepared", "authorised", "erased", "verified", "issued")) {
            assertThat(cert.get("dates").get(date).isNull()).as(date).isFalse();
        }
        JsonNode pbx = system(cert, "Telephone system (PBX)");
        assertThat(pbx.get("deleted").asLong())
                .isEqualTo(before.get("call_recording").size()
                        + before.get("number_port").size()
                        + before.get("directory_entry").size());
        assertThat(pbx.get("kept").asLong())
                .as("call detail records: traffic data for billing (PECR reg. 7)")
                .isEqualTo(before.get("call_detail_record").size());
        assertThat(pbx.get("filesDeleted").asLong())
                .isEqualTo(before.get("call_recording").size());
        JsonNode crm = system(cert, "CRM");
        assertThat(crm.get("anonymised").asLong())
                .isEqualTo(before.get("crm_contact").size());
        assertThat(crm.get("kept").asLong())
                .isEqualTo(before.get("crm_account").size()
                        + before.get("contract").size()
                        + before.get("complaint").size());
        assertThat(cert.get("suppression").get("phoneKeys").asLong()).isEqualTo(1);
        assertThat(cert.get("backups").asText()).contains("beyond use").contains("overwritten");
        String hash = jdbc.queryForObject(
                "SELECT json_sha256 FROM desk.erasure_certificate WHERE reference = ?", String.class, reference);
        assertThat(hash).isEqualTo(ErasureCertificate.sha256(Files.readAllBytes(fileStore.resolve(issued.jsonPath()))));
    }

    @Test
    void theCertificateHoldsNoValueOfThePerson() throws IOException {
        String jsonText = Files.readString(fileStore.resolve(issued.jsonPath()));
        String pdfText;
        try (PDDocument pdf = Loader.loadPDF(fileStore.resolve(issued.pdfPath()).toFile())) {
            pdfText = new PDFTextStripper().getText(pdf);
        }
        assertThat(pdfText)
                .contains("Certificate of erasure")
                .contains(reference)
                .contains("Telephone system (PBX)");
        assertThat(sentLetters.forReference(reference))
                .as("rendered for the desk's file and recorded once")
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.template()).isEqualTo("erasure-certificate");
                    assertThat(l.recipient()).isEqualTo("desk");
                    assertThat(l.channel()).isEqualTo(Recipient.Channel.FILE);
                    assertThat(l.messageId()).isNull();
                });
        for (String text : List.of(jsonText, pdfText)) {
            String lower = text.toLowerCase();
            for (String value : personalValues()) {
                assertThat(lower).doesNotContain(value.toLowerCase().trim());
            }
            assertThat(text.replaceAll("[^0-9]", ""))
                    .doesNotContain(PERSON.phone().replace(" ", "").substring(1));
        }
    }

    @Test
    void aTelemarketingImportOfTheErasedNumberWrittenDifferentlyIsRefused() {
        String digits = PERSON.phone().replace(" ", "").substring(1);
        String writtenAnotherWay = "+44 (0)" + digits.substring(0, 4) + "-" + digits.substring(4);
        TelemarketingImport.Result result = telemarketing.importLead(new TelemarketingImport.Lead(
                "Prospect Lists plc",
                PERSON.name(),
                "Acme",
                null,
                writtenAnotherWay,
                true,
                LocalDate.of(2026, 5, 1),
                null,
                null));
        assertThat(result.imported()).isFalse();
        assertThat(result.refusal()).contains("suppression list").doesNotContain(digits);
        TelemarketingImport.Result byEmail = telemarketing.importLead(new TelemarketingImport.Lead(
                "Prospect Lists plc",
                PERSON.name(),
                "Acme",
                " " + PERSON.email().toUpperCase() + " ",
                null,
                true,
                null,
                null,
                null));
        assertThat(byEmail.imported()).isFalse();
        assertThat(directSearch(PERSON).get("tm_lead")).isEmpty();
    }

    @Test
    void theSuppressionListHoldsKeyedHashesNotTheNumberOrAddress() {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT key_hash, kind FROM records.suppression WHERE request_reference = ?", reference);
        assertThat(rows).hasSize(2).extracting(r -> r.get("kind")).containsExactlyInAnyOrder("PHONE", "EMAIL");
        assertThat(rows).allSatisfy(r -> assertThat((String) r.get("key_hash")).matches("[0-9a-f]{64}"));
        String digits = PERSON.phone().replace(" ", "").substring(1);
        assertThat(suppression.hash("+44" + digits))
                .isIn(rows.stream().map(r -> r.get("key_hash")).toList());
        assertThat(suppression.isSuppressedPhone("0044 " + digits)).isTrue();
        assertThat(suppression.isSuppressedPhone(person(41).phone())).isFalse();
    }

    private JsonNode certificateJson() throws IOException {
        return json.readTree(Files.readAllBytes(fileStore.resolve(issued.jsonPath())));
    }

    private static JsonNode system(JsonNode cert, String name) {
        for (JsonNode system : cert.get("systems")) {
            if (name.equals(system.get("system").asText())) {
                return system;
            }
        }
        throw new AssertionError("No system " + name + " in the certificate");
    }

    private static List<String> personalValues() {
        List<String> values = new ArrayList<>();
        values.add(PERSON.name());
        values.add(PERSON.firstName() + " ");
        values.add(PERSON.lastName());
        values.add(PERSON.accountNumber());
        values.addAll(PERSON.emailVariants());
        values.addAll(PERSON.phoneVariants());
        return values;
    }
}
