package uk.lucidservices.privacydesk.records;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers whose calls the phone system must not record. The list itself is keyed hashes (the
 * suppression list's HMAC), so the desk can tell whether a number is on it without holding it;
 * the phone system's feed beside it holds the E.164 numbers, because the PBX compares a ringing
 * call's number and has no key to hash it with. Only the feed endpoint reads the feed. A company
 * table (the phone system's), so it lives in records; objection decides who goes on it.
 */
@Repository
public class DoNotRecordList {

    private final JdbcTemplate jdbc;
    private final SuppressionList hashes;
    private final PhoneNumbers phoneNumbers;
    private final Clock clock;

    public DoNotRecordList(JdbcTemplate jdbc, SuppressionList hashes, PhoneNumbers phoneNumbers, Clock clock) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    /** Lists E.164 numbers for a request; returns how many were new. */
    @Transactional
    public int add(String reference, Collection<String> e164Numbers) {
        int added = 0;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (String e164 : e164Numbers) {
            String hash = hashes.hash(e164);
            if (listedHash(hash)) {
                continue;
            }
            jdbc.update(
                    "INSERT INTO records.do_not_record (key_hash, request_reference, added_at) VALUES (?, ?, ?)",
                    hash,
                    reference,
                    now);
            jdbc.update("INSERT INTO records.do_not_record_feed (key_hash, e164) VALUES (?, ?)", hash, e164);
            added++;
        }
        return added;
    }

    public boolean isListed(String rawNumber) {
        String e164 = phoneNumbers.keyOrNull(rawNumber);
        return e164 != null && listedHash(hashes.hash(e164));
    }

    /** The phone system's feed: every listed number, E.164, in a stable order. */
    public List<String> feed() {
        return jdbc.queryForList("SELECT e164 FROM records.do_not_record_feed ORDER BY e164", String.class);
    }

    private boolean listedHash(String hash) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM records.do_not_record WHERE key_hash = ?", Integer.class, hash);
        return n != null && n > 0;
    }
}
