package uk.lucidservices.privacydesk;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The desk's top-level settings ({@code desk.*}). Each feature's own settings are a record under its
 * own prefix, beside the code that reads them (AccessProperties for {@code desk.access}, ...).
 *
 * @param dataDir   the folder the desk keeps its local files in (the demo database, the file store,
 *                  edited letter templates); DESK_DATA_DIR, default {@code ./data}
 * @param fileStore where uploaded ID documents and disclosure packs are kept; DESK_FILE_STORE, default
 *                  {@code files} in the data folder
 * @param publicUrl the desk's address as requesters reach it, used in download links and to tell the
 *                  desk's own pages from other sites; the https address in production (DESK_PUBLIC_URL)
 */
@ConfigurationProperties("desk")
public record DeskProperties(Path dataDir, Path fileStore, String publicUrl) {

    public DeskProperties {
        publicUrl = publicUrl == null ? "" : publicUrl.trim();
    }
}
