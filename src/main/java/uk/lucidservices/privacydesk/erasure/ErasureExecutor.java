package uk.lucidservices.privacydesk.erasure;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.records.RecordSource;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Carries out an authorised erasure, system by system in the data map's order (children before
 * parents). Each category's change commits in its own transaction together with its progress
 * record, so a retry after a crash or a database restart skips what is done and finishes the rest,
 * counting no work twice. A failure names the system, so the job's incident says where to look.
 */
@Service
public class ErasureExecutor {

    private static final Logger log = LoggerFactory.getLogger(ErasureExecutor.class);

    private final DataMap dataMap;
    private final ErasurePlan plan;
    private final ErasureCases cases;
    private final ErasureRunItems runItems;
    private final ErasureSubjects subjects;
    private final RecordSourceFinder sources;
    private final RequestRegister register;

    public ErasureExecutor(
            DataMap dataMap,
            ErasurePlan plan,
            ErasureCases cases,
            ErasureRunItems runItems,
            ErasureSubjects subjects,
            RecordSourceFinder sources,
            RequestRegister register) {
        this.dataMap = dataMap;
        this.plan = plan;
        this.cases = cases;
        this.runItems = runItems;
        this.subjects = subjects;
        this.sources = sources;
        this.register = register;
    }

    /** The work one pass did; a pass after a finished erasure does none. */
    public record Pass(int categoriesErased, long deleted, long anonymised, long filesDeleted) {
        public boolean didNothing() {
            return categoriesErased == 0 && deleted == 0 && anonymised == 0 && filesDeleted == 0;
        }
    }

    public Pass execute(String reference) {
        Request request = subjects.request(reference);
        if (!cases.get(reference).approved()) {
            throw new IllegalStateException("Erasure of " + reference + " has not been approved by a manager");
        }
        Subject subject = subjects.subject(reference);
        int categories = 0;
        long deleted = 0;
        long anonymised = 0;
        long files = 0;
        for (ErasurePlanItem item : plan.items(reference)) {
            if (!item.toErase()
                    || runItems.item(reference, item.categoryId())
                            .map(ErasureRunItem::completed)
                            .orElse(false)) {
                continue;
            }
            RecordSource.ErasureOutcome outcome = eraseOne(reference, item, subject);
            categories++;
            deleted += outcome.deleted();
            anonymised += outcome.anonymised();
            files += outcome.filesDeleted();
        }
        if (categories > 0) {
            cases.erased(reference);
            register.record(
                    request.id(),
                    "ERASED",
                    null,
                    "Erased " + categories + " categories: " + deleted + " deleted, " + anonymised + " anonymised, "
                            + files + " files deleted");
        }
        return new Pass(categories, deleted, anonymised, files);
    }

    private RecordSource.ErasureOutcome eraseOne(String reference, ErasurePlanItem item, Subject subject) {
        Category category = dataMap.category(item.categoryId())
                .orElseThrow(() -> new ErasureFailedException(
                        item.system(),
                        item.categoryId(),
                        "the category is no longer in the data map; prepare the preview again"));
        if (category.erasure().action() != item.action()) {
            throw new ErasureFailedException(
                    category.system(),
                    category.id(),
                    "the data map's erasure action changed since the preview; prepare the preview again");
        }
        try {
            return sources.forCategory(category)
                    .erase(category, subject, outcome -> runItems.completed(reference, category, outcome, cases.now()));
        } catch (RuntimeException e) {
            String why = describe(e);
            log.warn("Erasure of {} failed in {} (category {}): {}", reference, category.system(), category.id(), why);
            throw new ErasureFailedException(category.system(), category.id(), why);
        }
    }

    /** The kind of failure and the database's SQLSTATE, which say what went wrong without quoting data. */
    static String describe(Throwable e) {
        Throwable root = e;
        String sqlState = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sqlState == null) {
                sqlState = sql.getSQLState();
            }
            root = t;
        }
        String kind = e.getClass().getSimpleName()
                + (root != e ? " caused by " + root.getClass().getSimpleName() : "");
        return kind + (sqlState != null ? ", SQLSTATE " + sqlState : "");
    }
}
