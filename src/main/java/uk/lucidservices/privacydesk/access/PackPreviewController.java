package uk.lucidservices.privacydesk.access;

import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestNotFoundException;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RequestType;
import uk.lucidservices.privacydesk.security.CurrentStaff;
import uk.lucidservices.privacydesk.security.DeskGroups;
import uk.lucidservices.privacydesk.security.NotAllowedException;

/**
 * The current disclosure pack of a request, for the staff who must see it: the second officer
 * checking it before approval (see {@link PackPreviewers}: not its preparer, 403 with why), and the
 * officer delivering it by post when there is no verified email address. {@code GET
 * /api/access-requests/{reference}/pack}, privacy officers and managers only; every opening is
 * recorded on the request with the user id. 404 when no pack exists.
 */
@RestController
class PackPreviewController {

    private final DisclosurePacks packs;
    private final FileStore fileStore;
    private final RequestRegister register;
    private final CurrentStaff staff;
    private final PackPreviewers previewers;

    public PackPreviewController(
            DisclosurePacks packs,
            FileStore fileStore,
            RequestRegister register,
            CurrentStaff staff,
            PackPreviewers previewers) {
        this.packs = packs;
        this.fileStore = fileStore.area(FileStore.PACKS);
        this.register = register;
        this.staff = staff;
        this.previewers = previewers;
    }

    @GetMapping("/api/access-requests/{reference}/pack")
    public ResponseEntity<FileSystemResource> pack(@PathVariable String reference) {
        staff.requireAnyGroup(DeskGroups.PRIVACY_OFFICERS, DeskGroups.MANAGERS);
        Request request = register.get(reference);
        if (request.type() != RequestType.SUBJECT_ACCESS) {
            throw new RequestNotFoundException(reference);
        }
        long requestId = request.id();
        DisclosurePack pack = packs.current(reference).orElse(null);
        Path file = pack == null ? null : fileStore.regularFile(pack.filePath()).orElse(null);
        if (file == null) {
            return ResponseEntity.notFound().build();
        }
        if (!previewers.mayOpen(pack, staff.userId(), staff.groupIds())) {
            register.record(
                    requestId, "PACK_OPENING_REFUSED", staff.userId(), "pack=" + pack.id() + "; not the approver");
            throw new NotAllowedException("Before approval only the second officer approving the pack may open it, "
                    + "never the officer who prepared it or decided its redactions");
        }
        register.record(requestId, "PACK_OPENED_BY_STAFF", staff.userId(), "pack=" + pack.id());
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl(CacheControl.noStore());
        headers.set("X-Content-Type-Options", "nosniff");
        return ResponseEntity.ok()
                .headers(headers)
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(reference + "-disclosure-pack.zip")
                                .build()
                                .toString())
                .body(new FileSystemResource(file));
    }
}
