package uk.lucidservices.privacydesk.access;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * The systems an officer searches by hand (social media inboxes, paper files). Each answer is
 * kept with who gave it and, where they counted, how many items they found.
 */
@Service
public class ManualSearchChecklist {

    private final SubjectSearch search;
    private final RequestRegister register;

    public ManualSearchChecklist(SubjectSearch search, RequestRegister register) {
        this.search = search;
        this.register = register;
    }

    /** The form field that carries the answer for a category: {@code manual_social_media}. */
    public static String answerField(String categoryId) {
        return "manual_" + categoryId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    /** The form field that carries how many items were found: {@code manual_social_media_count}. */
    public static String countField(String categoryId) {
        return answerField(categoryId) + "_count";
    }

    public void record(String reference, String categoryId, String answer, String userId) {
        record(reference, categoryId, null, answer, userId);
    }

    @Transactional
    public void record(String reference, String categoryId, Long count, String answer, String userId) {
        if (answer == null || answer.isBlank()) {
            throw new IllegalArgumentException(
                    "Say what the search of " + categoryId + " found (an answer is required)");
        }
        if (count != null && count < 0) {
            throw new IllegalArgumentException("The number found in " + categoryId + " cannot be negative");
        }
        if (!search.saveManualAnswer(reference, categoryId, count, answer.trim(), userId)) {
            throw new IllegalArgumentException(
                    categoryId + " is not on the manual checklist of " + reference + " (run the search first)");
        }
        register.record(
                register.get(reference).id(),
                "MANUAL_SEARCH_ANSWERED",
                userId,
                categoryId + (count == null ? "" : " count=" + count));
    }

    /** Category ids on the request's checklist, answered or not. */
    public List<String> categories(String reference) {
        return search.saved(reference).stream()
                .filter(SubjectSearch.SavedResult::manual)
                .map(SubjectSearch.SavedResult::categoryId)
                .toList();
    }

    public List<String> unanswered(String reference) {
        return search.saved(reference).stream()
                .filter(r -> r.manual() && r.manualAnswer() == null)
                .map(SubjectSearch.SavedResult::categoryId)
                .toList();
    }
}
