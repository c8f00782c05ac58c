package uk.lucidservices.privacydesk.access;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import uk.lucidservices.privacydesk.records.FileStore;

/**
 * The requester's download: {@code GET /packs/{token}}. The token is the credential (no sign-in;
 * the API's Basic filter does not cover /packs). 200 streams the ZIP and logs the download;
 * 410 once the link has expired or the pack is deleted, with how to ask again; 404 for a token
 * that was never issued, with the same page so probing learns nothing. Behind a TLS-terminating
 * proxy set {@code server.forward-headers-strategy=native} and {@code desk.public-url} to the https address.
 */
@RestController
class PackDownloadController {

    private final PackDelivery delivery;
    private final DisclosurePacks packs;
    private final FileStore fileStore;
    private final AccessProperties properties;
    private final Clock clock;
    private final DownloadLogPseudonyms pseudonyms;

    public PackDownloadController(
            PackDelivery delivery,
            DisclosurePacks packs,
            FileStore fileStore,
            AccessProperties properties,
            Clock clock,
            DownloadLogPseudonyms pseudonyms) {
        this.delivery = delivery;
        this.packs = packs;
        this.fileStore = fileStore.area(FileStore.PACKS);
        this.properties = properties;
        this.clock = clock;
        this.pseudonyms = pseudonyms;
    }

    @GetMapping("/packs/{token}")
    public ResponseEntity<?> download(@PathVariable String token, HttpServletRequest request) {
        Optional<DisclosurePack> found = delivery.packFor(token);
        if (found.isEmpty() || found.get().approvedBy() == null) {
            return page(HttpStatus.NOT_FOUND, null);
        }
        DisclosurePack pack = found.get();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Path file = fileStore.regularFile(pack.filePath()).orElse(null);
        if (pack.deleted() || pack.expiredAt(now) || file == null) {
            return page(HttpStatus.GONE, pack.reference());
        }
        packs.logDownload(pack.id(), now, pseudonyms.of(request.getRemoteAddr(), pack.tokenHash()));
        return ResponseEntity.ok()
                .headers(safe())
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(pack.reference() + "-your-personal-data.zip")
                                .build()
                                .toString())
                .body(new FileSystemResource(file));
    }

    private ResponseEntity<String> page(HttpStatus status, String reference) {
        String quote =
                reference == null ? "your request reference" : "your reference " + HtmlUtils.htmlEscape(reference);
        String html = """
                <!DOCTYPE html>
                <html lang="en-GB"><head><meta charset="utf-8"><title>Download link not available</title></head>
                <body style="font-family:Helvetica,Arial,sans-serif;max-width:40em;margin:3em auto">
                <h1>This download link has expired</h1>
                <p>Download links for copies of personal data work for a limited time, after which the file is deleted.</p>
                <p>To ask for a new link, email <a href="mailto:%1$s">%1$s</a> quoting %2$s.</p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(properties.privacyMailbox()), quote);
        return ResponseEntity.status(status)
                .headers(safe())
                .contentType(MediaType.TEXT_HTML)
                .body(html);
    }

    /** Nothing about a pack is cached, leaked in a Referer, or sniffed into another type. */
    private static HttpHeaders safe() {
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl(CacheControl.noStore());
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Robots-Tag", "noindex");
        return headers;
    }
}
