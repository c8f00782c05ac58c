package uk.lucidservices.privacydesk.access;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import uk.lucidservices.privacydesk.DeskIntegrationTest;
import uk.lucidservices.privacydesk.TestPeople;
import uk.lucidservices.privacydesk.records.Emails;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.records.demo.DemoDataGenerator;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/** Demo data, a logged access request for the class's demo person, and an independent SQL view of that person's rows. */
abstract class AccessTestSupport extends DeskIntegrationTest {

    /** The one demo person each access test class claims in {@link TestPeople}. */
    final DemoPerson person = TestPeople.onlyPerson(getClass());

    @Autowired
    DemoDataGenerator demoData;

    @Autowired
    RequestRegister register;

    @Autowired
    VerifiedIdentifiers identifiers;

    @Autowired
    SubjectSearch search;

    @Autowired
    ManualSearchChecklist checklist;

    @Autowired
    RedactionReview review;

    @Autowired
    DisclosurePackBuilder builder;

    @Autowired
    DisclosurePacks packs;

    @Autowired
    PackApproval approval;

    @Autowired
    FileStore fileStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    /** The phone and email as the requester wrote them: another format and another case than most systems hold. */
    String requestPhone() {
        return person.phoneVariants().get(4);
    }

    String requestEmail() {
        return person.emailVariants().get(1);
    }

    /** The last six digits of the person's phone number, as a pack must not show them. */
    String phoneDigits() {
        return person.phone().substring(person.phone().length() - 6);
    }

    Request logRequestForThePerson() {
        demoData.generate(TestPeople.DEMO_PEOPLE, TestPeople.DEMO_SEED);
        return register.log(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                .name(person.name())
                .email(requestEmail())
                .phone(requestPhone())
                .summary("Please send me everything you hold")
                .loggedBy("olivia")
                .build());
    }

    /** Logged, matched to the customer and verified, searched and the manual systems answered: ready for the redaction review. */
    String searchedRequest() {
        String reference = logRequestForThePerson().reference();
        identifiers.assess(reference);
        identifiers.markVerified(reference, "olivia");
        search.search(reference);
        for (String category : checklist.categories(reference)) {
            checklist.record(reference, category, 0L, "Searched; nothing found", "olivia");
        }
        return reference;
    }

    /**
     * The person's row ids per category, by the test's own SQL over the normalised key columns:
     * lower-case email, E.164 phone, and child rows through their parents' ids.
     */
    Map<String, Set<Long>> expectedIds() {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("email", Emails.key(person.email()))
                .addValue("phone", "+44" + person.phone().replace(" ", "").substring(1));
        String accounts = "SELECT id FROM records.crm_account WHERE email_key = :email OR phone_key = :phone";
        String leads = "SELECT id FROM records.tm_lead WHERE email_key = :email OR phone_key = :phone";
        String transcripts = "SELECT id FROM records.chat_transcript WHERE email_key = :email";
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put("crm-accounts", accounts);
        sql.put("crm-contacts", "SELECT id FROM records.crm_contact WHERE email_key = :email OR phone_key = :phone");
        sql.put("contracts", "SELECT id FROM records.contract WHERE account_id IN (" + accounts + ")");
        sql.put(
                "complaints",
                "SELECT id FROM records.complaint WHERE email_key = :email OR phone_key = :phone OR account_id IN ("
                        + accounts + ")");
        sql.put(
                "call-recordings",
                "SELECT id FROM records.call_recording WHERE cli_key = :phone OR account_id IN (" + accounts + ")");
        sql.put("web-enquiries", "SELECT id FROM records.web_enquiry WHERE email_key = :email OR phone_key = :phone");
        sql.put("tm-leads", leads);
        sql.put("tm-call-recordings", "SELECT id FROM records.tm_call_recording WHERE lead_id IN (" + leads + ")");
        sql.put("chat-transcripts", transcripts);
        sql.put("chat-messages", "SELECT id FROM records.chat_message WHERE transcript_id IN (" + transcripts + ")");
        String byAccount = " WHERE account_id IN (" + accounts + ")";
        sql.put("call-detail-records", "SELECT id FROM records.call_detail_record" + byAccount);
        sql.put("invoices", "SELECT id FROM records.invoice" + byAccount);
        sql.put("payments", "SELECT id FROM records.payment" + byAccount);
        sql.put(
                "number-ports",
                "SELECT id FROM records.number_port WHERE number_key = :phone OR account_id IN (" + accounts + ")");
        sql.put(
                "directory-entries",
                "SELECT id FROM records.directory_entry WHERE number_key = :phone OR account_id IN (" + accounts + ")");
        sql.put("cctv-footage", "SELECT id FROM records.cctv_footage WHERE email_key = :email OR phone_key = :phone");
        Map<String, Set<Long>> ids = new HashMap<>();
        sql.forEach((category, query) -> ids.put(category, new TreeSet<>(named.queryForList(query, p, Long.class))));
        return ids;
    }

    static byte[] entry(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    Path packFile(DisclosurePack pack) {
        return fileStore.resolve(pack.filePath());
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
