package uk.lucidservices.privacydesk.datamap;

import java.util.List;
import java.util.Map;

/**
 * One category of personal data: where it lives, how a subject is found in it, what it is for
 * (the Art. 15 facts), and what erasure does to it. {@code retention} is the wording the Art. 15
 * letter prints; {@code retentionPeriod} the period and event it was made from (null where the
 * data map gives words only). {@code providedFields}: the fields the subject provided (Art. 20), a
 * subset of {@code fields}; empty when the subject provided none of it.
 */
public record Category(
        String id,
        String name,
        String system,
        String table,
        boolean manual,
        Level level,
        Map<IdentityKey, String> identity,
        String accountKey,
        Parent parent,
        List<String> fields,
        List<String> thirdPartyFields,
        String fileField,
        String purpose,
        String lawfulBasis,
        List<String> recipients,
        String retention,
        RetentionPeriod retentionPeriod,
        String source,
        Erasure erasure,
        List<String> providedFields) {

    public record Parent(String category, String column) {}

    public record Erasure(ErasureAction action, String reason, List<String> fields) {}

    /**
     * Art. 20: the person provided some of this category's data themselves (the fields listed under
     * {@code provided-fields}); those, and only those, go into a portability pack.
     */
    public boolean providedBySubject() {
        return !providedFields.isEmpty();
    }

    public boolean searchable() {
        return !manual;
    }

    public String identityColumn(IdentityKey key) {
        return identity.get(key);
    }

    /** Person-level: only the person's own email or number finds a row; the account alone does not. */
    public boolean personLevel() {
        return level == Level.PERSON;
    }
}
