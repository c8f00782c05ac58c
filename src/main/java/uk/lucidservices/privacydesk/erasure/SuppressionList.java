package uk.lucidservices.privacydesk.erasure;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.records.Emails;
import uk.lucidservices.privacydesk.records.PhoneNumbers;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.request.RequestRegister;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * The marketing suppression list. An erased person's phone numbers (E.164) and emails (lower case)
 * are kept only as HMAC-SHA256 keyed hashes, so a later telemarketing import of the same number or
 * address is blocked although the list no longer holds the number or address itself. Without the
 * secret ({@code desk.suppression.hmac-secret}) a hash cannot be tested against guessed numbers.
 * Changing the secret makes every existing entry unmatchable.
 */
@Component
class SuppressionList {

    public static final String PHONE = "PHONE";
    public static final String EMAIL = "EMAIL";

    private final JdbcTemplate jdbc;
    private final PhoneNumbers phoneNumbers;
    private final RequestRegister register;
    private final Clock clock;
    private final SecretKeySpec key;

    public SuppressionList(JdbcTemplate jdbc, PhoneNumbers phoneNumbers, RequestRegister register, Clock clock,
                           @Value("${desk.suppression.hmac-secret:}") String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("Set desk.suppression.hmac-secret (DESK_SUPPRESSION_SECRET) to a long random secret");
        }
        this.jdbc = jdbc;
        this.phoneNumbers = phoneNumbers;
        this.register = register;
        this.clock = clock;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Puts every phone and email key of the subject on the list; already-listed keys are left as they are. */
    @Transactional
    public int suppress(String reference, Subject subject) {
        int added = 0;
        for (String phone : subject.phoneKeys()) {
            added += add(hash(phone), PHONE, reference);
        }
        for (String email : subject.emailKeys()) {
            added += add(hash(email), EMAIL, reference);
        }
        register.find(reference).ifPresent(r -> register.record(r.id(), "SUPPRESSED", null,
                subject.phoneKeys().size() + " phone and " + subject.emailKeys().size()
                        + " email keys on the marketing suppression list (keyed hashes)"));
        return added;
    }

    public boolean isSuppressedPhone(String raw) {
        String e164 = phoneNumbers.keyOrNull(raw);
        return e164 != null && listed(hash(e164));
    }

    public boolean isSuppressedEmail(String raw) {
        String email = Emails.key(raw);
        return email != null && listed(hash(email));
    }

    /** How many entries a request put on the list, by kind; for the certificate. */
    public long entries(String reference, String kind) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM records.suppression WHERE request_reference = ? AND kind = ?",
                Long.class, reference, kind);
        return n == null ? 0 : n;
    }

    String hash(String matchingKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(matchingKey.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private boolean listed(String hash) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM records.suppression WHERE key_hash = ?", Integer.class, hash);
        return n != null && n > 0;
    }

    private int add(String hash, String kind, String reference) {
        // Two requests listing the same key at the same moment: the unique key refuses the second,
        // whose job is retried and then finds the key listed.
        if (listed(hash)) {
            return 0;
        }
        return jdbc.update("""
                INSERT INTO records.suppression (key_hash, kind, reason, request_reference, added_at)
                VALUES (?, ?, 'Erasure request', ?, ?)""", hash, kind, reference,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }
}
