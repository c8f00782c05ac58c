package uk.lucidservices.privacydesk.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.lucidservices.privacydesk.access.Decision;
import uk.lucidservices.privacydesk.access.DisclosurePack;
import uk.lucidservices.privacydesk.access.DisclosurePackBuilder;
import uk.lucidservices.privacydesk.access.ManualSearchChecklist;
import uk.lucidservices.privacydesk.access.RedactionReview;
import uk.lucidservices.privacydesk.access.SubjectSearch;
import uk.lucidservices.privacydesk.records.demo.DemoPeople;
import uk.lucidservices.privacydesk.records.demo.DemoPerson;
import uk.lucidservices.privacydesk.request.Channel;
import uk.lucidservices.privacydesk.request.NewRequest;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Subject access at volume: the search for one subject, and disclosure packs of 10,000 and
 * 100,000 records with the peak heap while each is built (the bench JVM has -Xmx512m, so
 * finishing at all shows the pack streams).
 */
final class PackWorkload {

    record Beans(
            JdbcTemplate jdbc,
            RequestRegister register,
            VerifiedIdentifiers identifiers,
            SubjectSearch search,
            ManualSearchChecklist checklist,
            RedactionReview review,
            DisclosurePackBuilder builder) {}

    record Pack(long records, double buildMs, long sizeKiB, long peakHeapMiB, double flagMs) {}

    private final Beans beans;

    PackWorkload(Beans beans) {
        this.beans = beans;
    }

    /** Subjects with this many records each (half inbound calls, half web enquiries), logged and verified. */
    String subjectWith(int records, String email, String phone) {
        String reference = beans.register()
                .log(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                        .name("Bench Subject")
                        .email(email)
                        .phone(phone)
                        .summary("benchmark")
                        .loggedBy("olivia")
                        .build())
                .reference();
        // A bench subject has no customer account: a colleague of the officer who logged it accepts its
        // email and phone one by one.
        beans.identifiers().list(reference).stream().filter(i -> i.searchKey()).forEach(i -> beans.identifiers()
                .accept(reference, i.id(), "mark"));
        beans.identifiers().markVerified(reference, "olivia");
        String phoneKey = "+44" + phone.replace(" ", "").substring(1);
        Timestamp at = Timestamp.from(Instant.parse("2025-01-01T10:00:00Z"));
        List<Object[]> calls = new ArrayList<>();
        List<Object[]> enquiries = new ArrayList<>();
        for (int i = 0; i < records / 2; i++) {
            calls.add(new Object[] {phone, phoneKey, at, 60 + i % 600, "Sam Porter"});
            enquiries.add(new Object[] {
                "CONTACT",
                "Bench Subject",
                email,
                email,
                phone,
                phoneKey,
                "Enquiry number " + i + " about hosted phones",
                "google-organic",
                at
            });
            if (calls.size() == 5_000) {
                flush(calls, enquiries);
            }
        }
        flush(calls, enquiries);
        return reference;
    }

    /** Demo person 0's request: a small pack built first, so class loading and the PDF renderer's start are not measured. */
    String demoPersonRequest() {
        DemoPerson person = DemoPeople.person(0);
        String reference = beans.register()
                .log(NewRequest.builder(RequestType.SUBJECT_ACCESS, Channel.EMAIL)
                        .name(person.name())
                        .email(person.emailVariants().get(1))
                        .phone(person.phoneVariants().get(4))
                        .summary("benchmark")
                        .loggedBy("olivia")
                        .build())
                .reference();
        beans.identifiers().assess(reference);
        beans.identifiers().markVerified(reference, "olivia");
        return reference;
    }

    long[] search(String reference, int times) {
        long[] nanos = new long[times];
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            beans.search().search(reference);
            nanos[i] = System.nanoTime() - t;
        }
        return nanos;
    }

    Pack pack(String reference) {
        beans.search().search(reference);
        for (String category : beans.checklist().categories(reference)) {
            beans.checklist().record(reference, category, 0L, "Searched; nothing found", "olivia");
        }
        long t = System.nanoTime();
        beans.review().flag(reference);
        double flagMs = (System.nanoTime() - t) / 1e6;
        beans.review().decide(reference, Decision.KEEP, "bench", List.of(), "olivia");
        System.gc();
        HeapPeak.reset();
        t = System.nanoTime();
        DisclosurePack pack = beans.builder().build(reference, "olivia");
        double buildMs = (System.nanoTime() - t) / 1e6;
        return new Pack(pack.recordCount(), buildMs, pack.sizeBytes() / 1024, HeapPeak.mebibytes(), flagMs);
    }

    private void flush(List<Object[]> calls, List<Object[]> enquiries) {
        beans.jdbc().batchUpdate("""
                INSERT INTO records.call_recording (cli, cli_key, dialled_number, started_at, duration_seconds, agent_name)
                VALUES (?, ?, '0330 088 1234', ?, ?, ?)""", calls);
        beans.jdbc().batchUpdate("""
                INSERT INTO records.web_enquiry (form_type, name, email, email_key, phone, phone_key, message,
                    last_click_source, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", enquiries);
        calls.clear();
        enquiries.clear();
    }
}
