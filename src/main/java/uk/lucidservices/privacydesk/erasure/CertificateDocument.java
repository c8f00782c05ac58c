package uk.lucidservices.privacydesk.erasure;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The erasure certificate's content, written out as JSON and as PDF. Counts, category names,
 * reasons, dates and staff ids only: no value from the erased (or kept) records, and no contact
 * detail of the person; the request reference links it to the register.
 */
record CertificateDocument(
        String reference,
        String controller,
        String scope,
        Dates dates,
        People people,
        List<SystemSummary> systems,
        Suppression suppression,
        List<RecipientLine> recipients,
        String backups) {

    public record Dates(
            OffsetDateTime received,
            OffsetDateTime prepared,
            OffsetDateTime authorised,
            OffsetDateTime erased,
            OffsetDateTime verified,
            OffsetDateTime issued) {}

    public record People(String preparedBy, String reviewedBy, String authorisedBy) {}

    public record SystemSummary(
            String system,
            long deleted,
            long anonymised,
            long filesDeleted,
            long kept,
            List<CategoryLine> categories) {}

    /**
     * {@code action}: DELETE, ANONYMISE, KEEP, or DELETE_BY_HAND / ANONYMISE_BY_HAND for a manual system.
     * {@code kept}: records kept at issue, null where the desk cannot search (manual systems).
     * {@code byHand}: for a manual system to erase, what the officer recorded; null for every other line.
     */
    public record CategoryLine(
            String category,
            String name,
            String action,
            long deleted,
            long anonymised,
            long filesDeleted,
            Long kept,
            String keptReason,
            String keptBy,
            ByHand byHand) {

        /** Erased by hand, with evidence recorded: the only by-hand line the letter may call erased. */
        public boolean erasedByHand() {
            return byHand != null && ByHand.DONE.equals(byHand.outcome());
        }
    }

    /**
     * What an officer recorded for an item erased by hand. {@code outcome}: DONE (with evidence),
     * NOT_POSSIBLE (with {@code reason}) or NOT_RECORDED. The evidence appears as its kind and
     * fingerprints only ({@code note}: whether a note was written; {@code files}: SHA-256 of each
     * file), never its content. Not verified by the desk's repeated search, which cannot reach it.
     */
    public record ByHand(
            String outcome,
            String reason,
            String recordedBy,
            OffsetDateTime recordedAt,
            boolean note,
            List<String> files) {

        public static final String DONE = "DONE";
        public static final String NOT_POSSIBLE = "NOT_POSSIBLE";
        public static final String NOT_RECORDED = "NOT_RECORDED";
    }

    public record Suppression(long phoneKeys, long emailKeys) {}

    public record RecipientLine(String recipient, List<String> categories, String status) {}
}
