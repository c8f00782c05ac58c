package uk.lucidservices.privacydesk.records;

import java.util.Map;
import java.util.function.Consumer;
import uk.lucidservices.privacydesk.datamap.Category;

/**
 * The only way the desk reaches a company system. The bundled implementation reads the
 * {@code records} schema; a real CRM or PBX can be plugged in by another implementation that
 * claims its categories.
 */
public interface RecordSource {

    /** Whether this source holds the category's data. */
    boolean handles(Category category);

    /** How many of the subject's records the category holds. */
    long count(Category category, Subject subject);

    /** Streams the subject's records (the data map's fields plus id), one at a time. */
    void forEachRecord(Category category, Subject subject, Consumer<Map<String, Object>> record);

    /**
     * How many rows of a person-level category the subject's account reaches that are not the
     * subject's own: another caller on a household or business line. They are in none of the other
     * methods; an access request sends them to the third-party review, and erasure leaves them.
     * A source that cannot tell the two apart finds none.
     */
    default long countViaAccountOnly(Category category, Subject subject) {
        return 0;
    }

    /** Streams the rows {@link #countViaAccountOnly} counts, as {@link #forEachRecord} does. */
    default void forEachRecordViaAccountOnly(
            Category category, Subject subject, Consumer<Map<String, Object>> record) {}

    /**
     * Applies the category's erasure action to the subject's records in one transaction.
     * Idempotent: running it again after a crash finishes the job and counts only new work.
     */
    ErasureOutcome erase(Category category, Subject subject);

    /**
     * Erases as {@link #erase(Category, Subject)} does and hands the outcome to {@code journal}
     * before the change commits, so that the erasure's progress record and the change itself
     * commit together and a retry neither repeats nor loses a count. A source whose system cannot
     * share the desk's transaction (this default) calls the journal after its own commit; erase
     * being idempotent, a crash in between only means the retry finds nothing more to count.
     */
    default ErasureOutcome erase(Category category, Subject subject, Consumer<ErasureOutcome> journal) {
        ErasureOutcome outcome = erase(category, subject);
        journal.accept(outcome);
        return outcome;
    }

    /**
     * {@code filesDeleted}: files of the erased records that are now gone from the file store. A file
     * another remaining row still points at is kept, and not counted.
     */
    record ErasureOutcome(String categoryId, long deleted, long anonymised, long filesDeleted) {}
}
