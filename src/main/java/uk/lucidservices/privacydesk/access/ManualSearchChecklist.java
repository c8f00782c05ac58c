package uk.lucidservices.privacydesk.access;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.request.RequestRegister;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The systems an officer searches by hand (social media inboxes, paper files). Each answer is
 * kept with who gave it and, where they counted, how many items they found.
 */
@Service
public class ManualSearchChecklist {

    private final JdbcTemplate jdbc;
    private final RequestRegister register;
    private final Clock clock;

    public ManualSearchChecklist(JdbcTemplate jdbc, RequestRegister register, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.clock = clock;
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
            throw new IllegalArgumentException("Say what the search of " + categoryId + " found (an answer is required)");
        }
        if (count != null && count < 0) {
            throw new IllegalArgumentException("The number found in " + categoryId + " cannot be negative");
        }
        int updated = jdbc.update("""
                        UPDATE desk.search_result SET manual_answer = ?, record_count = ?, answered_by = ?, answered_at = ?
                        WHERE reference = ? AND category_id = ? AND manual = TRUE""",
                answer.trim(), count, userId, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                reference, categoryId);
        if (updated == 0) {
            throw new IllegalArgumentException(categoryId + " is not on the manual checklist of " + reference
                    + " (run the search first)");
        }
        register.record(register.get(reference).id(), "MANUAL_SEARCH_ANSWERED", userId,
                categoryId + (count == null ? "" : " count=" + count));
    }

    /** Category ids on the request's checklist, answered or not. */
    public List<String> categories(String reference) {
        return jdbc.queryForList("SELECT category_id FROM desk.search_result WHERE reference = ? AND manual = TRUE ORDER BY id",
                String.class, reference);
    }

    public List<String> unanswered(String reference) {
        return jdbc.queryForList("""
                SELECT category_id FROM desk.search_result
                WHERE reference = ? AND manual = TRUE AND manual_answer IS NULL ORDER BY id""", String.class, reference);
    }
}
