package uk.lucidservices.privacydesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Issue 14, part 5: when the search of every system and of the manual records finds nothing, the
 * requester gets its own letter, "we hold no personal data about you", not an empty pack; what an
 * officer finds by hand is uploaded in the manual-search task and goes into the pack itself.
 */
class WhatTheResponseHoldsTest extends SarProcessTestSupport {

    @Autowired
    ManualSearchChecklist checklist;

    @Autowired
    VerifiedIdentifiers identifiers;

    @Autowired
    TestRestTemplate http;

    @Autowired
    FileStore files;

    @Test
    void aPersonTheCompanyHoldsNothingAboutGetsTheNoPersonalDataLetterAndNoPack() throws Exception {
        String address = "never.a.customer.nodata@example.org";
        ProcessInstance pi = startRequest(address, null, 0);
        String reference = pi.getBusinessKey();
        replyFromRequester(pi, 1);
        long email = register.identifiers(register.get(reference).id()).stream()
                .filter(i -> i.kind().equals("EMAIL"))
                .findFirst()
                .orElseThrow()
                .id();
        identifiers.accept(reference, email, "peter");
        work(pi, "Task_CheckIdDocument", "peter", Map.of("identityDecision", "CONFIRMED"));
        work(pi, "Task_TriageRequest", "peter", Map.of("triageDecision", "PROCEED"));
        process(pi).isWaitingAt("Task_SearchManualSystems");
        assertThat(runtimeService.getVariable(pi.getId(), "totalRecords")).isEqualTo(0L);

        Map<String, Object> answers = new HashMap<>();
        for (String category : checklist.categories(reference)) {
            answers.put(ManualSearchChecklist.answerField(category), "Searched by name and email; nothing");
            answers.put(ManualSearchChecklist.countField(category), 0L);
        }
        work(pi, "Task_SearchManualSystems", "olivia", answers);

        process(pi).isEnded();
        assertThat(letters(reference)).containsExactly("acknowledgement", "id-request", "no-personal-data");
        assertThat(text(mailFor(reference, "We hold no personal data about you")))
                .contains("which we received on 15 June 2026")
                .contains("paper files and the social media accounts");
        assertThat(jdbc.queryForObject("SELECT outcome FROM desk.request WHERE reference = ?", String.class, reference))
                .isEqualTo("NO_DATA");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM desk.disclosure_pack WHERE reference = ?", Integer.class, reference))
                .isZero();
    }

    @Test
    void whatWasFoundByHandIsUploadedInTheTaskAndGoesInThePackNotOnlyCounted() throws Exception {
        String address = "paper.only.nodata@example.org";
        ProcessInstance pi = startRequest(address, null, 0);
        String reference = pi.getBusinessKey();
        replyFromRequester(pi, 1);
        long email = register.identifiers(register.get(reference).id()).stream()
                .filter(i -> i.kind().equals("EMAIL"))
                .findFirst()
                .orElseThrow()
                .id();
        identifiers.accept(reference, email, "peter");
        work(pi, "Task_CheckIdDocument", "peter", Map.of("identityDecision", "CONFIRMED"));
        work(pi, "Task_TriageRequest", "peter", Map.of("triageDecision", "PROCEED"));

        byte[] scan = ("%PDF-1.4\n% signed order form of the requester " + reference + "\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        ResponseEntity<String> upload = http.withBasicAuth("olivia", "olivia")
                .postForEntity(
                        "/api/access-requests/" + reference + "/manual-files/paper-files?name=signed form 2024.pdf",
                        new HttpEntity<>(scan, headers),
                        String.class);
        assertThat(upload.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("olivia", "olivia")
                        .postForEntity(
                                "/api/access-requests/" + reference + "/manual-files/crm-accounts?name=x.pdf",
                                new HttpEntity<>(scan, headers),
                                String.class)
                        .getStatusCode())
                .as("only a system searched by hand")
                .isEqualTo(HttpStatus.BAD_REQUEST);

        Map<String, Object> answers = new HashMap<>();
        for (String category : checklist.categories(reference)) {
            answers.put(ManualSearchChecklist.answerField(category), "One signed form in the 2024 box file");
            answers.put(ManualSearchChecklist.countField(category), category.equals("paper-files") ? 1L : 0L);
        }
        work(pi, "Task_SearchManualSystems", "olivia", answers);

        process(pi).isWaitingAt("Task_ApprovePack");
        assertThat(letters(reference)).doesNotContain("no-personal-data");
        String packPath = jdbc.queryForObject(
                "SELECT file_path FROM desk.disclosure_pack WHERE reference = ?", String.class, reference);
        try (ZipFile zip = new ZipFile(files.resolve(packPath).toFile())) {
            ZipEntry copy = zip.stream()
                    .filter(e -> e.getName().startsWith("manual/paper-files/"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no manual/paper-files/ entry in the pack"));
            assertThat(copy.getName()).endsWith("-signed_form_2024.pdf");
            assertThat(zip.getInputStream(copy).readAllBytes()).isEqualTo(scan);
            assertThat(new String(
                            zip.getInputStream(zip.getEntry("cover-letter.html"))
                                    .readAllBytes(),
                            StandardCharsets.UTF_8))
                    .contains("A copy of what we found (1 file(s)) is in this pack, in the folder manual.");
        }
    }
}
