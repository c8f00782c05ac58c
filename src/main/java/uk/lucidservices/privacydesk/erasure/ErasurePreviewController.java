package uk.lucidservices.privacydesk.erasure;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.request.RequestNotFoundException;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * The erasure preview as a table for the review and authorisation forms in Tasklist: per data-map
 * category its system, what erasure does, how many records and why anything is kept. Categories,
 * counts and reasons only, never a record's values. Privacy officers and managers; a reference of
 * another kind of request answers 404.
 */
@RestController
class ErasurePreviewController {

    private final ErasurePlan plan;
    private final RequestRegister register;
    private final CurrentStaff staff;

    ErasurePreviewController(ErasurePlan plan, RequestRegister register, CurrentStaff staff) {
        this.plan = plan;
        this.register = register;
        this.staff = staff;
    }

    record PreviewRow(
            String category,
            String system,
            String action,
            boolean inScope,
            boolean manual,
            Long records,
            String reason,
            String keptBy) {}

    @GetMapping("/api/erasure-requests/{reference}/preview")
    List<PreviewRow> preview(@PathVariable String reference) {
        staff.requireAnyGroup(DeskGroups.PRIVACY_OFFICERS, DeskGroups.MANAGERS);
        if (register.get(reference).type() != RequestType.ERASURE) {
            throw new RequestNotFoundException(reference);
        }
        return plan.items(reference).stream()
                .map(i -> new PreviewRow(
                        i.categoryId(),
                        i.system(),
                        i.action().name(),
                        i.inScope(),
                        i.manual(),
                        i.recordCount(),
                        i.keepReason(),
                        i.markedBy()))
                .toList();
    }
}
