package uk.lucidservices.privacydesk.access;

import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;

/**
 * {@code POST /api/access-requests/{reference}/manual-files/{category}?name=<file name>} with the
 * file's bytes as the body: a copy of what was found by hand in that manual system, for the pack.
 * Privacy officers only (the manual-search task's group).
 */
@RestController
@RequestMapping("/api/access-requests/{reference}/manual-files/{category}")
class ManualSearchFilesController {

    private final ManualSearchFiles files;
    private final CurrentStaff staff;

    ManualSearchFilesController(ManualSearchFiles files, CurrentStaff staff) {
        this.files = files;
        this.staff = staff;
    }

    @PostMapping
    Map<String, Object> add(
            @PathVariable String reference,
            @PathVariable String category,
            @RequestParam(name = "name", required = false) String name,
            @RequestBody(required = false) byte[] content) {
        staff.requireAnyGroup(DeskGroups.PRIVACY_OFFICERS);
        ManualSearchFiles.ManualFile file = files.add(reference, category, name, content, staff.userId());
        return Map.of(
                "id", file.id(), "category", file.categoryId(), "name", file.fileName(), "bytes", file.sizeBytes());
    }
}
