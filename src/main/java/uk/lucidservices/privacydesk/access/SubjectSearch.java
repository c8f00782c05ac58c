package uk.lucidservices.privacydesk.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.records.RecordSource;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.request.RetainedData;
import uk.lucidservices.privacydesk.request.StoreSweep;
import uk.lucidservices.privacydesk.request.VerifiedIdentifiers;

/**
 * Searches every category of the data map for the request's subject by every verified
 * identifier, and keeps what each system returned as counts in {@code desk.search_result}.
 * Person-level categories count only the subject's own rows; rows their account reaches besides
 * (another caller on the line) are counted for the third-party review, not as found.
 * Categories the desk cannot search itself (manual in the data map, or no record source claims
 * them) become the checklist an officer answers by hand.
 */
@Service
public class SubjectSearch implements RetainedData {

    private final DataMap dataMap;
    private final RecordSources sources;
    private final VerifiedIdentifiers identifiers;
    private final RequestRegister register;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SubjectSearch(
            DataMap dataMap,
            RecordSources sources,
            VerifiedIdentifiers identifiers,
            RequestRegister register,
            JdbcTemplate jdbc,
            Clock clock) {
        this.dataMap = dataMap;
        this.sources = sources;
        this.identifiers = identifiers;
        this.register = register;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public SearchResult search(String reference) {
        long requestId = register.get(reference).id();
        Subject subject = identifiers.subject(reference);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<SearchResult.Found> found = new ArrayList<>();
        List<SearchResult.ManualCheck> manual = new ArrayList<>();
        long thirdParty = 0;
        long viaAccountOnly = 0;
        for (Category category : dataMap.categories()) {
            List<RecordSource> handling = category.searchable() ? sources.handling(category) : List.of();
            if (handling.isEmpty()) {
                manual.add(new SearchResult.ManualCheck(category.id(), category.name(), category.system()));
                saveManual(reference, category, now);
                continue;
            }
            long count = 0;
            long viaAccount = 0;
            for (RecordSource source : handling) {
                count += source.count(category, subject);
                if (category.personLevel()) {
                    viaAccount += source.countViaAccountOnly(category, subject);
                }
            }
            found.add(new SearchResult.Found(category.id(), category.system(), count));
            // Another caller's records on the account are not the subject's: each is one review item, plus its fields.
            thirdParty += count * category.thirdPartyFields().size()
                    + viaAccount * (1 + category.thirdPartyFields().size());
            viaAccountOnly += viaAccount;
            saveCount(reference, category, count, now);
        }
        SearchResult result =
                new SearchResult(reference, List.copyOf(found), List.copyOf(manual), thirdParty, subject.unmatchable());
        register.record(
                requestId,
                "SEARCHED",
                "desk",
                summary(result) + (viaAccountOnly > 0 ? "; via account only, for review=" + viaAccountOnly : ""));
        return result;
    }

    /** The saved search, as the checklist and counts stand now. */
    public List<SavedResult> saved(String reference) {
        return jdbc.query(
                """
                        SELECT category_id, system, record_count, manual, manual_answer, answered_by
                        FROM desk.search_result WHERE reference = ? ORDER BY id""",
                (rs, i) -> new SavedResult(
                        rs.getString(1),
                        rs.getString(2),
                        (Long) rs.getObject(3, Long.class),
                        rs.getBoolean(4),
                        rs.getString(5),
                        rs.getString(6)),
                reference);
    }

    public record SavedResult(
            String categoryId,
            String system,
            Long recordCount,
            boolean manual,
            String manualAnswer,
            String answeredBy) {}

    /**
     * Keeps an officer's answer for a system on the request's manual checklist; false when the
     * system is not on it (the search has not run, or found no such manual system).
     */
    boolean saveManualAnswer(String reference, String categoryId, Long count, String answer, String userId) {
        return jdbc.update(
                        """
                        UPDATE desk.search_result SET manual_answer = ?, record_count = ?, answered_by = ?, answered_at = ?
                        WHERE reference = ? AND category_id = ? AND manual = TRUE""",
                        answer,
                        count,
                        userId,
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                        reference,
                        categoryId)
                > 0;
    }

    private void saveCount(String reference, Category category, long count, OffsetDateTime now) {
        int updated = jdbc.update("""
                UPDATE desk.search_result SET system = ?, record_count = ?, searched_at = ?, manual = FALSE,
                    manual_answer = NULL, answered_by = NULL, answered_at = NULL
                WHERE reference = ? AND category_id = ?""", category.system(), count, now, reference, category.id());
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO desk.search_result (reference, category_id, system, record_count, searched_at, manual)
                    VALUES (?, ?, ?, ?, ?, FALSE)""", reference, category.id(), category.system(), count, now);
        }
    }

    /** A search run again keeps answers already given for manual systems. */
    private void saveManual(String reference, Category category, OffsetDateTime now) {
        int updated = jdbc.update(
                "UPDATE desk.search_result SET searched_at = ?, manual = TRUE WHERE reference = ? AND category_id = ?",
                now,
                reference,
                category.id());
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO desk.search_result (reference, category_id, system, searched_at, manual)
                    VALUES (?, ?, ?, ?, TRUE)""", reference, category.id(), category.system(), now);
        }
    }

    /** Counts only: the audit trail never holds what was found. */
    private static String summary(SearchResult r) {
        StringBuilder s = new StringBuilder("records=" + r.totalRecords() + ";");
        r.found().forEach(f -> s.append(' ')
                .append(f.categoryId())
                .append('=')
                .append(f.count())
                .append(';'));
        s.append(" manual=").append(r.manual().size());
        if (!r.unmatchable().isEmpty()) {
            s.append("; unusable identifiers=").append(r.unmatchable().size());
        }
        return s.toString();
    }

    /** Answers staff typed in for systems searched by hand go with the closed request; the counts stay. */
    @Override
    public List<StoreSweep> retentionSweeps() {
        return List.of(new StoreSweep(
                "manual-answers",
                """
                SELECT s.id FROM desk.search_result s
                WHERE s.manual_answer IS NOT NULL AND s.reference IN (""" + RequestRegister.DUE_REQUEST_REFERENCES + ") ORDER BY s.id",
                null,
                "UPDATE desk.search_result SET manual_answer = NULL WHERE id IN (:ids)"));
    }
}
