package uk.lucidservices.privacydesk.erasure;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.request.RequestNotFoundException;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;
import uk.lucidservices.privacydesk.security.NotAllowedException;

/**
 * The erase-by-hand form's API. {@code GET /api/erasure-requests/{reference}/by-hand}: the items, in
 * the data map's words, with what was recorded (whether a note exists, file names and sizes; never
 * the note). The changes, each only by the privacy officer who holds the open
 * {@code Task_EraseByHand} task (the officer who did the work records it):
 * {@code POST .../by-hand/{category}/done} (body: the note, plain text, may be empty when a file shows it),
 * {@code POST .../by-hand/{category}/not-possible} (body: the reason) and
 * {@code POST .../by-hand/{category}/evidence?name=<file name>} (body: the file's bytes).
 */
@RestController
@RequestMapping("/api/erasure-requests/{reference}/by-hand")
class ErasureByHandController {

    private final ErasureByHand byHand;
    private final RequestRegister register;
    private final CurrentStaff staff;
    private final ErasureByHandRecorders recorders;

    ErasureByHandController(
            ErasureByHand byHand, RequestRegister register, CurrentStaff staff, ErasureByHandRecorders recorders) {
        this.byHand = byHand;
        this.register = register;
        this.staff = staff;
        this.recorders = recorders;
    }

    record FileRow(long id, String name, long bytes) {}

    record ItemRow(
            String category,
            String name,
            String system,
            String action,
            String outcome,
            boolean note,
            String reason,
            String recordedBy,
            List<FileRow> files) {}

    @GetMapping
    List<ItemRow> items(@PathVariable String reference) {
        staff.requireAnyGroup(DeskGroups.PRIVACY_OFFICERS, DeskGroups.MANAGERS);
        requireErasure(reference);
        return byHand.items(reference).stream()
                .map(i -> new ItemRow(
                        i.categoryId(),
                        i.name(),
                        i.system(),
                        i.action(),
                        i.outcome() == null ? null : i.outcome().name(),
                        i.hasNote(),
                        i.reason(),
                        i.recordedBy(),
                        i.files().stream()
                                .map(f -> new FileRow(f.id(), f.fileName(), f.sizeBytes()))
                                .toList()))
                .toList();
    }

    @PostMapping("/{category}/done")
    Map<String, Object> done(
            @PathVariable String reference, @PathVariable String category, @RequestBody(required = false) byte[] note) {
        return record(reference, category, ErasureByHand.Outcome.DONE, note, byHand::recordDone);
    }

    @PostMapping("/{category}/not-possible")
    Map<String, Object> notPossible(
            @PathVariable String reference,
            @PathVariable String category,
            @RequestBody(required = false) byte[] reason) {
        return record(reference, category, ErasureByHand.Outcome.NOT_POSSIBLE, reason, byHand::recordNotPossible);
    }

    /** How {@link ErasureByHand} records one outcome: the request, the category, the text and who. */
    private interface Recorder {
        void record(String reference, String categoryId, String text, String userId);
    }

    /** Records the outcome for the assignee, with the body as its note or reason. */
    private Map<String, Object> record(
            String reference, String category, ErasureByHand.Outcome outcome, byte[] body, Recorder recorder) {
        requireAssignee(reference);
        recorder.record(reference, category, text(body), staff.userId());
        return Map.of("category", category, "outcome", outcome.name());
    }

    @PostMapping("/{category}/evidence")
    Map<String, Object> evidence(
            @PathVariable String reference,
            @PathVariable String category,
            @RequestParam(name = "name", required = false) String name,
            @RequestBody(required = false) byte[] content) {
        requireAssignee(reference);
        ErasureByHand.EvidenceFile file = byHand.addEvidence(reference, category, name, content, staff.userId());
        return Map.of("id", file.id(), "category", category, "name", file.fileName(), "bytes", file.sizeBytes());
    }

    private void requireErasure(String reference) {
        if (register.get(reference).type() != RequestType.ERASURE) {
            throw new RequestNotFoundException(reference);
        }
    }

    /** Privacy officers only, and of them only the one holding the request's open erase-by-hand task. */
    private void requireAssignee(String reference) {
        staff.requireAnyGroup(DeskGroups.PRIVACY_OFFICERS);
        requireErasure(reference);
        if (!recorders.mayRecord(reference, staff.userId())) {
            throw new NotAllowedException("Only the officer who holds the open task '" + ErasureByHandRecorders.TASK
                    + "' of " + reference + " records it: claim the task first");
        }
    }

    private static String text(byte[] body) {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }
}
