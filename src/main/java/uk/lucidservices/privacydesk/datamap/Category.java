package uk.lucidservices.privacydesk.datamap;

import java.time.Period;
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
        List<String> providedFields,
        Map<String, String> labels,
        Welsh cy) {

    public record Parent(String category, String column) {}

    /**
     * What the category says to a person in Welsh (the data map's {@code cy:} block): each text a
     * Welsh letter or pack shows, and the labels of the data items. The reader fills {@code retention}
     * from the period where the block does not give it, and requires every other text (and a label
     * for each English one). Null for an entry without a block: Welsh letters show it in English.
     */
    public record Welsh(
            String name,
            String system,
            String purpose,
            String lawfulBasis,
            List<String> recipients,
            String retention,
            String source,
            String erasureReason,
            Map<String, String> labels) {}

    /**
     * The category as a Welsh letter shows it: the same rows and rules, with the Welsh texts and
     * labels in place of the English (the erasure's reason too).
     */
    public Category inWelsh() {
        if (cy == null) {
            return this;
        }
        Erasure welshErasure = erasure == null || erasure.reason() == null
                ? erasure
                : new Erasure(erasure.action(), cy.erasureReason(), erasure.fields(), erasure.keepWhileComplaint());
        return new Category(
                id,
                cy.name(),
                cy.system(),
                table,
                manual,
                level,
                identity,
                accountKey,
                parent,
                fields,
                thirdPartyFields,
                fileField,
                cy.purpose(),
                cy.lawfulBasis(),
                cy.recipients(),
                cy.retention(),
                retentionPeriod,
                cy.source(),
                welshErasure,
                providedFields,
                cy.labels(),
                cy);
    }

    /**
     * What erasure does. {@code keepWhileComplaint}: while a complaint on the person's account is
     * open, or closed less than this period ago, the category is kept by default to establish,
     * exercise or defend legal claims (Art. 17(3)(e)); null when complaints do not hold it.
     */
    public record Erasure(ErasureAction action, String reason, List<String> fields, Period keepWhileComplaint) {}

    /**
     * What a person calls the data item in column {@code field}: the data map's label, or else the
     * column name in words ({@code started_at} becomes "Started at").
     */
    public String label(String field) {
        String label = labels == null ? null : labels.get(field);
        if (label != null) {
            return label;
        }
        String words = field.replace('_', ' ').trim();
        return words.isEmpty() ? field : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The labels of the listed fields, in order. */
    public List<String> fieldLabels() {
        return fields.stream().map(this::label).toList();
    }

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
