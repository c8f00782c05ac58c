package uk.lucidservices.privacydesk.records;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The marketing suppression list. An erased or objecting person's phone numbers (E.164) and emails
 * (lower case) are kept only as HMAC-SHA256 keyed hashes, so a later telemarketing import or dial
 * list of the same number or address is blocked although the list no longer holds the number or
 * address itself. Without the secret ({@code desk.suppression.hmac-secret}) a hash cannot be tested
 * against guessed numbers. Changing the secret makes every existing entry unmatchable.
 * A phone entry stops marketing calls and texts; an email entry stops marketing email.
 * Shared by erasure (which suppresses as it erases) and objections (which suppress without erasing).
 */
@Component
public class SuppressionList {

    public static final String PHONE = "PHONE";
    public static final String EMAIL = "EMAIL";
    public static final String ERASURE = "Erasure request";

    /** The ways Lucid markets; a phone number carries calls and texts, an address email. */
    public enum MarketingChannel {
        CALLS,
        TEXTS,
        EMAIL
    }

    private final JdbcTemplate jdbc;
    private final PhoneNumbers phoneNumbers;
    private final Clock clock;
    private final SecretKeySpec key;

    public SuppressionList(
            JdbcTemplate jdbc, PhoneNumbers phoneNumbers, Clock clock, SuppressionProperties suppression) {
        String secret = suppression.hmacSecret();
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(
                    "Set desk.suppression.hmac-secret (DESK_SUPPRESSION_SECRET) to a long random secret");
        }
        this.jdbc = jdbc;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Puts every phone and email key of the subject on the list for an erasure; already-listed keys are left as they are. */
    @Transactional
    public int suppress(String reference, Subject subject) {
        return suppress(reference, subject.phoneKeys(), subject.emailKeys(), ERASURE);
    }

    /**
     * Puts E.164 phone keys and lower-case email keys on the list, for every marketing channel they
     * carry, with the reason (no personal data); returns how many were new.
     */
    @Transactional
    public int suppress(String reference, Collection<String> phoneKeys, Collection<String> emailKeys, String reason) {
        int added = 0;
        for (String phone : phoneKeys) {
            added += add(hash(phone), PHONE, reference, reason);
        }
        for (String email : emailKeys) {
            added += add(hash(email), EMAIL, reference, reason);
        }
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

    /** Whether Lucid may not market to this number or address on {@code channel}. */
    public boolean isSuppressed(MarketingChannel channel, String raw) {
        return channel == MarketingChannel.EMAIL ? isSuppressedEmail(raw) : isSuppressedPhone(raw);
    }

    /** How many entries a request put on the list, by kind; for the certificate. */
    public long entries(String reference, String kind) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM records.suppression WHERE request_reference = ? AND kind = ?",
                Long.class,
                reference,
                kind);
        return n == null ? 0 : n;
    }

    /** The keyed hash of a matching key (E.164 or lower-case email); the form every list here is kept in. */
    public String hash(String matchingKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(matchingKey.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * Every hash put on the list by an erasure ({@code byErasure} true), or by anything else (an
     * objection to marketing): a dialler hashes its own numbers and compares.
     */
    public Set<String> hashes(boolean byErasure) {
        return Set.copyOf(jdbc.queryForList(
                "SELECT key_hash FROM records.suppression WHERE " + (byErasure ? "reason = ?" : "reason <> ?"),
                String.class,
                ERASURE));
    }

    private boolean listed(String hash) {
        Integer n =
                jdbc.queryForObject("SELECT COUNT(*) FROM records.suppression WHERE key_hash = ?", Integer.class, hash);
        return n != null && n > 0;
    }

    private int add(String hash, String kind, String reference, String reason) {
        // Two requests listing the same key at the same moment: the unique key refuses the second,
        // whose job is retried and then finds the key listed.
        if (listed(hash)) {
            return 0;
        }
        return jdbc.update(
                """
                INSERT INTO records.suppression (key_hash, kind, reason, request_reference, added_at)
                VALUES (?, ?, ?, ?, ?)""", hash, kind, reason, reference, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }
}
