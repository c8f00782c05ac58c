package uk.lucidservices.privacydesk.erasure;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.datamap.ErasureAction;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Builds the list of what erasure will delete, anonymise or keep (and why), from the data map and
 * a search by every verified identifier; and lets a privacy officer keep more, with a reason
 * (Art. 17(3)), until a manager has decided.
 */
@Service
public class ErasurePreview {

    static final String OUTSIDE_SCOPE = "Not part of this request: the person asked to erase only ";
    /** The default keep of a category a complaint holds (data map {@code keep-while-complaint}). */
    static final String COMPLAINT_HOLD = "A complaint on the account is open or closed less than %d months ago:"
            + " kept to establish, exercise or defend legal claims (Art. 17(3)(e))";
    /** The data map's complaints, which hold categories with {@code keep-while-complaint}. */
    static final String COMPLAINTS = "complaints";

    private static final Set<String> CLOSED = Set.of("CLOSED", "RESOLVED", "DEADLOCKED");
    private static final int MAX_REASON = 2000;

    private final DataMap dataMap;
    private final ErasureSubjects subjects;
    private final RecordSourceFinder sources;
    private final ErasureScopes scopes;
    private final ErasurePlan plan;
    private final ErasureCases cases;
    private final ErasureRunItems runItems;
    private final RequestRegister register;

    public ErasurePreview(
            DataMap dataMap,
            ErasureSubjects subjects,
            RecordSourceFinder sources,
            ErasureScopes scopes,
            ErasurePlan plan,
            ErasureCases cases,
            ErasureRunItems runItems,
            RequestRegister register) {
        this.dataMap = dataMap;
        this.subjects = subjects;
        this.sources = sources;
        this.scopes = scopes;
        this.plan = plan;
        this.cases = cases;
        this.runItems = runItems;
        this.register = register;
    }

    /**
     * Prepares (or prepares again) the plan for a request. {@code scopeCategoryIds} empty means the
     * whole data map. An officer's earlier decisions to keep are carried over for categories still in scope.
     */
    @Transactional
    public List<ErasurePlanItem> preview(String reference, Set<String> scopeCategoryIds, String preparedBy) {
        Request request = subjects.request(reference);
        refuseOnceStarted(reference, "the preview can no longer change");
        for (String id : scopeCategoryIds) {
            if (dataMap.category(id).isEmpty()) {
                throw new IllegalArgumentException("Unknown category '" + id + "' in the erasure scope");
            }
        }
        Subject subject = subjects.subject(reference);
        Set<String> scope = scopes.withChildren(scopeCategoryIds);
        String scopeText = scopes.describe(scope);
        Map<String, ErasurePlanItem> officerKeeps = new HashMap<>();
        plan.items(reference).stream()
                .filter(i -> i.markedBy() != null)
                .forEach(i -> officerKeeps.put(i.categoryId(), i));

        List<ErasurePlanItem> items = new ArrayList<>();
        int order = 0;
        for (Category c : dataMap.categories()) {
            boolean inScope = scope.isEmpty() || scope.contains(c.id());
            Long count = c.manual() ? null : sources.forCategory(c).count(c, subject);
            ErasurePlanItem earlier = officerKeeps.get(c.id());
            ErasurePlanItem item;
            if (!inScope) {
                item = new ErasurePlanItem(
                        order,
                        c.id(),
                        c.system(),
                        ErasureAction.KEEP,
                        false,
                        c.manual(),
                        count,
                        OUTSIDE_SCOPE + scopeText.replace(",", ", "),
                        null,
                        null);
            } else if (earlier != null && earlier.inScope()) {
                item = new ErasurePlanItem(
                        order,
                        c.id(),
                        c.system(),
                        ErasureAction.KEEP,
                        true,
                        c.manual(),
                        count,
                        earlier.keepReason(),
                        earlier.markedBy(),
                        earlier.markedAt());
            } else if (complaintHolds(c, subject, cases.now())) {
                item = new ErasurePlanItem(
                        order,
                        c.id(),
                        c.system(),
                        ErasureAction.KEEP,
                        true,
                        c.manual(),
                        count,
                        COMPLAINT_HOLD.formatted(
                                c.erasure().keepWhileComplaint().toTotalMonths()),
                        null,
                        null);
            } else {
                ErasureAction action = c.erasure().action();
                item = new ErasurePlanItem(
                        order,
                        c.id(),
                        c.system(),
                        action,
                        true,
                        c.manual(),
                        count,
                        action == ErasureAction.KEEP ? c.erasure().reason() : null,
                        null,
                        null);
            }
            items.add(item);
            order++;
        }
        plan.replace(reference, items);
        cases.prepared(reference, scopeText, blankToNull(preparedBy));
        register.record(
                request.id(),
                "ERASURE_PREVIEW",
                blankToNull(preparedBy),
                "Erasure preview (scope " + scopeText + "): "
                        + items.stream().filter(ErasurePlanItem::toErase).count() + " categories to erase, "
                        + items.stream().filter(ErasurePlanItem::toEraseByHand).count() + " to erase by hand, "
                        + items.stream()
                                .filter(i -> i.action() == ErasureAction.KEEP)
                                .count() + " kept");
        return items;
    }

    /**
     * Whether a complaint on the subject's account holds the category: one still open, or closed
     * within the category's {@code keep-while-complaint} period. A complaint marked closed without a
     * date holds nothing: nothing shows it is recent.
     */
    boolean complaintHolds(Category c, Subject subject, OffsetDateTime now) {
        Period hold = c.erasure().keepWhileComplaint();
        Category complaints = dataMap.category(COMPLAINTS).orElse(null);
        if (hold == null || c.erasure().action() == ErasureAction.KEEP || c.manual() || complaints == null) {
            return false;
        }
        Instant since = now.minus(hold).toInstant();
        boolean[] held = {false};
        sources.forCategory(complaints).forEachRecord(complaints, subject, row -> {
            Object status = row.get("status");
            Instant closed = instant(row.get("closed_at"));
            if (closed == null
                    ? status == null
                            || !CLOSED.contains(status.toString().trim().toUpperCase(Locale.ROOT))
                    : closed.isAfter(since)) {
                held[0] = true;
            }
        });
        return held[0];
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Date d) {
            return d.toInstant();
        }
        return value == null ? null : OffsetDateTime.parse(value.toString()).toInstant();
    }

    /** An officer keeps a category that erasure would otherwise touch, with the legal reason (Art. 17(3)). */
    @Transactional
    public ErasurePlanItem markKept(String reference, String categoryId, String reason, String userId) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Give the reason for keeping " + categoryId + " (Art. 17(3))");
        }
        if (reason.length() > MAX_REASON) {
            throw new IllegalArgumentException(
                    "The reason for keeping " + categoryId + " is longer than " + MAX_REASON + " characters");
        }
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("Say who decided to keep " + categoryId);
        }
        Request request = subjects.request(reference);
        refuseOnceStarted(reference, "too late to keep more");
        ErasureCase erasure = cases.get(reference);
        if (erasure.decision() != null) {
            throw new IllegalStateException("Erasure of " + reference + " was already "
                    + erasure.decision().toLowerCase() + ": prepare the preview again to change it");
        }
        ErasurePlanItem item = plan.item(reference, categoryId)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Category '" + categoryId + "' is not in the erasure preview of " + reference));
        if (!item.inScope()) {
            throw new IllegalArgumentException(
                    "Category '" + categoryId + "' is outside this request's scope: it is kept anyway");
        }
        if (item.action() == ErasureAction.KEEP && item.markedBy() == null) {
            throw new IllegalArgumentException(
                    "Category '" + categoryId + "' is already kept under the data map: " + item.keepReason());
        }
        Category category = dataMap.category(categoryId).orElseThrow();
        if (category.parent() != null) {
            ErasurePlanItem parent =
                    plan.item(reference, category.parent().category()).orElseThrow();
            if (parent.toErase() && parent.action() == ErasureAction.DELETE) {
                throw new IllegalArgumentException("Category '" + categoryId + "' cannot be kept while its parent '"
                        + parent.categoryId() + "' is deleted: keep '" + parent.categoryId() + "' as well");
            }
        }
        plan.markKept(reference, categoryId, reason.trim(), userId.trim(), cases.now());
        register.record(
                request.id(),
                "ERASURE_KEEP_MARKED",
                userId.trim(),
                "Category " + categoryId + " marked to keep (Art. 17(3))");
        return plan.item(reference, categoryId).orElseThrow();
    }

    /** The officer who reviewed the preview counts as a preparer for the four-eyes rule. */
    @Transactional
    public void reviewed(String reference, String reviewer) {
        Request request = subjects.request(reference);
        cases.get(reference);
        cases.reviewed(reference, reviewer);
        register.record(request.id(), "ERASURE_PREVIEW_REVIEWED", reviewer, "Erasure preview reviewed");
    }

    /**
     * The plan as a few lines for the review and authorisation forms: categories, actions, counts
     * and reasons, never a value from the records.
     */
    public String summary(String reference) {
        return plan.items(reference).stream().map(ErasurePreview::line).collect(Collectors.joining("\n"));
    }

    private static String line(ErasurePlanItem i) {
        String count = i.recordCount() == null ? "not searchable, by hand" : i.recordCount() + " record(s)";
        String what = i.action() == ErasureAction.KEEP
                ? "KEEP"
                : i.manual() ? i.action() + " BY HAND" : i.action().name();
        String line = i.categoryId() + " (" + i.system() + "): " + what + ", " + count;
        if (i.action() == ErasureAction.KEEP) {
            line += " - " + i.keepReason() + (i.markedBy() != null ? " [kept by " + i.markedBy() + "]" : "");
        }
        return line;
    }

    private void refuseOnceStarted(String reference, String what) {
        if (runItems.anyStarted(reference)) {
            throw new IllegalStateException("Erasure of " + reference + " has started: " + what);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
