package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.lucidservices.privacydesk.mail.Recipient;
import uk.lucidservices.privacydesk.mail.SentLetters;
import uk.lucidservices.privacydesk.mail.TemplateOverride;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Demo person 0 is in every system under differently written phone numbers and emails. The
 * pack for them holds every one of their rows and no row of anybody else, checked against the
 * test's own SQL over the normalised key columns.
 */
class DisclosurePackTest extends AccessTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    SentLetters sentLetters;

    @Test
    void searchCountsEveryCategoryAndListsTheManualSystems() {
        String reference = logRequestForThePerson().reference();
        identifiers.assess(reference);
        identifiers.markVerified(reference, "olivia");

        SearchResult result = search.search(reference);

        Map<String, Set<Long>> expected = expectedIds();
        // The desk's own records (person zero's earlier requests, retention.DeskRecordSource) are counted too.
        List<SearchResult.Found> companySystems = result.found().stream()
                .filter(f -> !f.categoryId().startsWith("desk-"))
                .toList();
        long deskCategories = result.found().size() - companySystems.size();
        assertThat(companySystems).hasSize(expected.size());
        for (SearchResult.Found found : companySystems) {
            assertThat(found.count())
                    .as(found.categoryId())
                    .isEqualTo(expected.get(found.categoryId()).size())
                    .isPositive();
        }
        assertThat(result.manual())
                .extracting(SearchResult.ManualCheck::categoryId)
                .containsExactly("social-media", "paper-files");
        assertThat(search.saved(reference))
                .hasSize(expected.size() + (int) deskCategories + 2)
                .allSatisfy(saved -> assertThat(saved.manual() || saved.recordCount() != null)
                        .isTrue());
        // The audit trail has counts, never values.
        assertThat(register.events(register.get(reference).id()))
                .filteredOn(e -> e.kind().equals("SEARCHED"))
                .singleElement()
                .satisfies(e -> assertThat(e.detail())
                        .contains("records=" + result.totalRecords())
                        .doesNotContain(person.email())
                        .doesNotContain(phoneDigits())
                        .doesNotContain(person.lastName()));
    }

    @Test
    void searchNeedsVerifiedIdentifiers() {
        String reference = logRequestForThePerson().reference();
        assertThatThrownBy(() -> search.search(reference))
                .isInstanceOf(VerifiedIdentifiers.IdentityNotVerifiedException.class)
                .hasMessageContaining(reference);
    }

    @Test
    void flaggingAgainAddsNothingTwiceAndKeepsTheDecisionsMade() {
        String reference = searchedRequest();
        int flagged = review.flag(reference);
        RedactionReview.ItemKey first = review.items(reference).get(0);
        review.decide(
                reference, new RedactionReview.ItemDecision(first, Decision.REDACT, "Names a colleague"), "olivia");

        assertThat(review.flag(reference)).isEqualTo(flagged);
        assertThat(review.items(reference)).hasSize(flagged).doesNotHaveDuplicates();
        assertThat(review.decisionCounts(reference)).containsEntry(Decision.REDACT, 1);
    }

    @Test
    void packHoldsEveryRowOfTheSubjectAndNoOtherRowWithDecisionsApplied() throws Exception {
        String reference = searchedRequest();
        assertThat(review.flag(reference)).isPositive();
        Map<String, Set<Long>> expected = expectedIds();
        long redactedComplaint = expected.get("complaints").iterator().next();
        long withheldMessage = expected.get("chat-messages").iterator().next();
        review.decide(
                reference,
                Decision.KEEP,
                "Staff acting in their work role",
                List.of(
                        new RedactionReview.ItemDecision(
                                new RedactionReview.ItemKey("complaints", redactedComplaint, "others_involved"),
                                Decision.REDACT,
                                "Names the installer"),
                        new RedactionReview.ItemDecision(
                                new RedactionReview.ItemKey("chat-messages", withheldMessage, "body"),
                                Decision.WITHHOLD,
                                "Mostly about a colleague")),
                "olivia");

        DisclosurePack pack = builder.build(reference, "olivia");

        long expectedTotal = expected.values().stream().mapToLong(Set::size).sum() - 1;
        try (ZipFile zip = new ZipFile(packFile(pack).toFile())) {
            // Person zero's earlier requests to the desk are in the pack too (retention.DeskRecordSource).
            long deskRows = 0;
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().startsWith("data/desk-") && e.getName().endsWith(".json")) {
                    deskRows += JSON.readTree(entry(zip, e.getName())).size();
                }
            }
            assertThat(pack.recordCount()).isEqualTo(expectedTotal + deskRows);
            for (Map.Entry<String, Set<Long>> category : expected.entrySet()) {
                Set<Long> want = new TreeSet<>(category.getValue());
                assertThat(want).as("person 0 has rows in " + category.getKey()).isNotEmpty();
                if (category.getKey().equals("chat-messages")) {
                    want.remove(withheldMessage);
                }
                JsonNode rows = JSON.readTree(entry(zip, "data/" + category.getKey() + ".json"));
                assertThat(ids(rows)).as(category.getKey() + " JSON").isEqualTo(want);
                List<String> csv =
                        lines(new String(entry(zip, "data/" + category.getKey() + ".csv"), StandardCharsets.UTF_8));
                assertThat(csv.get(0)).as("the CSV names items as people do").startsWith("Record number,");
                Set<Long> csvIds = new TreeSet<>();
                csv.stream().skip(1).forEach(line -> csvIds.add(Long.parseLong(line.substring(0, line.indexOf(',')))));
                assertThat(csvIds).as(category.getKey() + " CSV").isEqualTo(want);
            }

            // The systems wrote the person's number in several ways; all of them were found.
            Set<String> clis = new HashSet<>();
            JSON.readTree(entry(zip, "data/call-recordings.json"))
                    .forEach(r -> clis.add(r.get("cli").asText()));
            assertThat(clis).hasSizeGreaterThan(1);

            JsonNode complaint = find(JSON.readTree(entry(zip, "data/complaints.json")), redactedComplaint);
            assertThat(complaint.get("others_involved").asText()).isEqualTo("[redacted]");
            assertThat(complaint.get("complainant_name").asText()).isEqualTo(person.name());

            String withheldBody = jdbc.queryForObject(
                    "SELECT body FROM records.chat_message WHERE id = ?", String.class, withheldMessage);
            long transcriptOfWithheld = jdbc.queryForObject(
                    "SELECT transcript_id FROM records.chat_message WHERE id = ?", Long.class, withheldMessage);
            for (long transcript : expected.get("chat-transcripts")) {
                String text = new String(entry(zip, "transcripts/" + transcript + ".txt"), StandardCharsets.UTF_8);
                assertThat(text).contains("Live-chat transcripts " + transcript).contains("VISITOR");
                if (transcript == transcriptOfWithheld) {
                    assertThat(text).doesNotContain(withheldBody);
                }
            }

            for (String category : List.of("call-recordings", "tm-call-recordings")) {
                JsonNode rows = JSON.readTree(entry(zip, "data/" + category + ".json"));
                int audio = 0;
                for (JsonNode row : rows) {
                    String stored = jdbc.queryForObject(
                            "SELECT audio_file FROM records."
                                    + category.replace('-', '_').replace("recordings", "recording") + " WHERE id = ?",
                            String.class,
                            row.get("id").asLong());
                    assertThat(stored).isNotNull();
                    String inPack = row.get("audio_file").asText();
                    assertThat(inPack)
                            .startsWith("recordings/" + category + "/")
                            .endsWith(".wav");
                    assertThat(entry(zip, inPack)).isEqualTo(Files.readAllBytes(fileStore.resolve(stored)));
                    audio++;
                }
                assertThat(audio).isEqualTo(expected.get(category).size());
            }

            String letter = new String(entry(zip, "cover-letter.html"), StandardCharsets.UTF_8);
            assertThat(letter)
                    .contains(
                            reference,
                            "Purposes",
                            "categories of personal data",
                            "Recipients",
                            "Retention",
                            "Source of the data",
                            "Rectification",
                            "Erasure",
                            "Restriction",
                            "Objection",
                            "Information Commissioner's Office",
                            "Wycliffe House, Water Lane, Wilmslow",
                            "SK9 5AF",
                            "ico.org.uk/make-a-complaint",
                            "Automated decision-making",
                            "Social media messages",
                            "Searched; nothing found");
            assertThat(new String(entry(zip, "cover-letter.pdf"), 0, 5, StandardCharsets.US_ASCII))
                    .isEqualTo("%PDF-");
        }
    }

    @Test
    void theCoverLetterIsRenderedFromItsTemplateIntoTheHtmlAndThePdfWithAWelshNameAndRecordedOnce() throws Exception {
        String reference = searchedRequest();
        // The requester wrote their name in Welsh: the PDF's base fonts would print "ŵ" as "#".
        jdbc.update("UPDATE desk.request SET requester_name = ? WHERE reference = ?", "Siôn Llŵyd", reference);
        review.flag(reference);
        review.decide(reference, Decision.KEEP, "work role", List.of(), "olivia");

        DisclosurePack pack;
        try (TemplateOverride marked = TemplateOverride.withMarker(
                "cover-letter.xhtml", "<h1>Your subject access request</h1>", "<p>MARKER-cover-letter</p>")) {
            pack = builder.build(reference, "olivia");
        }

        try (ZipFile zip = new ZipFile(packFile(pack).toFile())) {
            assertThat(new String(entry(zip, "cover-letter.html"), StandardCharsets.UTF_8))
                    .contains("MARKER-cover-letter")
                    .contains("Dear Siôn Llŵyd,")
                    .contains("15 June 2026");
            try (PDDocument pdf = Loader.loadPDF(entry(zip, "cover-letter.pdf"))) {
                assertThat(new PDFTextStripper().getText(pdf))
                        .contains("MARKER-cover-letter")
                        .contains(reference)
                        .contains("Dear Siôn Llŵyd,");
            }
        }
        assertThat(sentLetters.forReference(reference)).singleElement().satisfies(l -> {
            assertThat(l.template()).isEqualTo("cover-letter");
            assertThat(l.recipient()).isEqualTo("requester");
            assertThat(l.channel()).isEqualTo(Recipient.Channel.PACK);
            assertThat(l.messageId()).isNull();
        });
    }

    @Test
    void packIsRefusedWhileAnItemHasNoDecision() {
        String reference = searchedRequest();
        review.flag(reference);
        assertThatThrownBy(() -> builder.build(reference, "olivia"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no redaction decision");
    }

    @Test
    void exceptionNamingAnItemThatWasNotFlaggedIsRejected() {
        String reference = searchedRequest();
        review.flag(reference);
        assertThatThrownBy(() -> review.decide(
                        reference,
                        Decision.KEEP,
                        "work role",
                        RedactionExceptions.parse("complaints:999999999:others_involved:REDACT:not there"),
                        "olivia"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was not flagged");
        assertThat(review.undecided(reference)).isEqualTo(review.count(reference));
    }

    @Test
    void rebuildingReplacesAnUnsentPack() {
        String reference = searchedRequest();
        review.flag(reference);
        review.decide(reference, Decision.KEEP, "work role", List.of(), "olivia");
        DisclosurePack first = builder.build(reference, "olivia");
        DisclosurePack second = builder.build(reference, "olivia");
        assertThat(Files.exists(packFile(first))).isFalse();
        assertThat(packs.find(first.id()).orElseThrow().deleted()).isTrue();
        assertThat(Files.exists(packFile(second))).isTrue();
        assertThat(packs.current(reference).orElseThrow().id()).isEqualTo(second.id());
    }

    private static Set<Long> ids(JsonNode rows) {
        Set<Long> ids = new TreeSet<>();
        rows.forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    private static JsonNode find(JsonNode rows, long id) {
        for (JsonNode row : rows) {
            if (row.get("id").asLong() == id) {
                return row;
            }
        }
        throw new AssertionError("row " + id + " not in pack");
    }
}
