package uk.lucidservices.privacydesk.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The download log's pseudonym of a remote address: HMAC-SHA256 keyed with a server secret
 * ({@code desk.access.download-log-secret}), over the pack and the address. It shows repeat
 * downloads of one pack without keeping the address; keyed with something the database holds (as
 * the token hash), anyone reading the log could recover the address by trying all 2^32 of IPv4.
 */
@Component
class DownloadLogPseudonyms {

    static final int MIN_SECRET_BYTES = 32;

    private final byte[] secret;

    DownloadLogPseudonyms(AccessProperties properties) {
        String configured = properties.downloadLogSecret();
        if (configured == null || configured.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException(
                    "Set desk.access.download-log-secret (DESK_DOWNLOAD_LOG_SECRET) to a random secret"
                            + " of at least " + MIN_SECRET_BYTES
                            + " bytes: it keys the pseudonyms of download addresses");
        }
        this.secret = configured.getBytes(StandardCharsets.UTF_8);
    }

    String of(String remoteAddress, String packKey) {
        if (remoteAddress == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal((packKey + "\n" + remoteAddress).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
