package uk.lucidservices.privacydesk.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.records.FileStore;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Closes an access request: outcome and closing time on the request, and a closing event with
 * the counts (records found, systems searched by hand, redactions, downloads). A pack that was
 * never sent is deleted now; a sent one stays until its link expires.
 */
@Service
class AccessRequestClosure {

    private final RequestRegister register;
    private final DisclosurePacks packs;
    private final RedactionReview review;
    private final FileStore fileStore;
    private final SubjectSearch search;
    private final Clock clock;

    public AccessRequestClosure(
            RequestRegister register,
            DisclosurePacks packs,
            RedactionReview review,
            FileStore fileStore,
            SubjectSearch search,
            Clock clock) {
        this.register = register;
        this.packs = packs;
        this.review = review;
        this.fileStore = fileStore.area(FileStore.PACKS);
        this.search = search;
        this.clock = clock;
    }

    @Transactional
    public void close(String reference, String outcome, String actor) {
        if (outcome == null || outcome.isBlank()) {
            throw new IllegalArgumentException("An outcome is needed to close " + reference);
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        for (DisclosurePack unsent : packs.undelivered(reference)) {
            fileStore.delete(unsent.filePath());
            packs.markDeleted(unsent.id(), now);
        }
        List<SubjectSearch.SavedResult> searched = search.saved(reference);
        long found = searched.stream()
                .filter(r -> !r.manual() && r.recordCount() != null)
                .mapToLong(SubjectSearch.SavedResult::recordCount)
                .sum();
        long manual =
                searched.stream().filter(SubjectSearch.SavedResult::manual).count();
        Map<Decision, Integer> decisions = review.decisionCounts(reference);
        long disclosed = 0;
        int downloads = 0;
        for (DisclosurePack pack : packs.all(reference)) {
            if (pack.tokenHash() != null) {
                disclosed = pack.recordCount();
                downloads += packs.downloads(pack.id());
            }
        }
        register.close(
                reference,
                outcome.trim(),
                actor,
                "outcome=" + outcome.trim() + "; records-found=" + found
                        + "; manual-systems=" + manual + "; redacted=" + decisions.get(Decision.REDACT)
                        + "; withheld-items="
                        + decisions.get(Decision.WITHHOLD) + "; records-disclosed=" + disclosed + "; downloads="
                        + downloads);
    }
}
