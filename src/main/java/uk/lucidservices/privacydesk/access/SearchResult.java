package uk.lucidservices.privacydesk.access;

import java.util.List;

/**
 * What a search found, as counts only: per searched category, the manual checklist, and how many
 * items may identify other people and need a redaction decision.
 *
 * @param thirdPartyCandidates records times third-party fields in the categories found; the
 *                             exact number of flagged items is known once they are flagged
 * @param unmatchable          which identifiers could not be used and why (no values)
 */
public record SearchResult(
        String reference,
        List<Found> found,
        List<ManualCheck> manual,
        long thirdPartyCandidates,
        List<String> unmatchable) {

    public record Found(String categoryId, String system, long count) {}

    public record ManualCheck(String categoryId, String name, String system) {}

    public long totalRecords() {
        return found.stream().mapToLong(Found::count).sum();
    }
}
