package uk.lucidservices.privacydesk.erasure;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import uk.lucidservices.privacydesk.datamap.Category;
import uk.lucidservices.privacydesk.datamap.DataMap;
import uk.lucidservices.privacydesk.records.Subject;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Proves the erasure: the search by every verified identifier runs again over every category that
 * was to be erased and must find nothing. Whatever it finds is reopened for the erasure to run again.
 * Manual systems are outside it: the desk cannot search them, so what is erased there by hand is
 * recorded by the officer with evidence ({@link ErasureByHand}), never reported as verified here.
 */
@Service
public class ErasureVerification {

    private final DataMap dataMap;
    private final ErasurePlan plan;
    private final ErasureCases cases;
    private final ErasureRunItems runItems;
    private final ErasureSubjects subjects;
    private final RecordSourceFinder sources;
    private final RequestRegister register;
    private final TransactionTemplate ownTransaction;

    public ErasureVerification(
            DataMap dataMap,
            ErasurePlan plan,
            ErasureCases cases,
            ErasureRunItems runItems,
            ErasureSubjects subjects,
            RecordSourceFinder sources,
            RequestRegister register,
            PlatformTransactionManager transactions) {
        this.dataMap = dataMap;
        this.plan = plan;
        this.cases = cases;
        this.runItems = runItems;
        this.subjects = subjects;
        this.sources = sources;
        this.register = register;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public record Leftover(String categoryId, String system, long count) {}

    public record Result(List<Leftover> leftovers) {
        public boolean clean() {
            return leftovers.isEmpty();
        }
    }

    public Result verify(String reference) {
        Request request = subjects.request(reference);
        if (cases.get(reference).erasedAt() == null) {
            throw new IllegalStateException("Erasure of " + reference + " has not run yet: nothing to verify");
        }
        Subject subject = subjects.subject(reference);
        List<Leftover> leftovers = new ArrayList<>();
        long byHand = plan.items(reference).stream()
                .filter(ErasurePlanItem::toEraseByHand)
                .count();
        for (ErasurePlanItem item : plan.items(reference)) {
            if (!item.toErase()) {
                continue;
            }
            Category category = dataMap.category(item.categoryId()).orElseThrow();
            long left = sources.forCategory(category).count(category, subject);
            if (left > 0) {
                leftovers.add(new Leftover(category.id(), category.system(), left));
            }
        }
        Result result = new Result(List.copyOf(leftovers));
        if (result.clean()) {
            cases.verified(reference, true);
            register.record(
                    request.id(),
                    "ERASURE_VERIFIED",
                    null,
                    "Search repeated by every verified identifier: nothing erasable left in the systems the desk"
                            + " searches"
                            + (byHand > 0
                                    ? "; " + byHand + " manual system(s) to erase by hand are not covered by it"
                                    : ""));
        } else {
            // Committed at once, whatever happens to the caller's transaction: the erasure that runs
            // next, in its own transactions, must see these categories open again.
            ownTransaction.executeWithoutResult(status -> runItems.reopen(
                    reference, leftovers.stream().map(Leftover::categoryId).toList()));
            cases.verified(reference, false);
            register.record(
                    request.id(),
                    "ERASURE_LEFTOVERS",
                    null,
                    "Search repeated: records left in "
                            + leftovers.stream()
                                    .map(l -> l.system() + " (" + l.categoryId() + ")")
                                    .collect(Collectors.joining(", ")));
        }
        return result;
    }

    /** As {@link #verify}, and throws when anything erasable is left. */
    public Result requireNothingLeft(String reference) {
        Result result = verify(reference);
        if (!result.clean()) {
            throw new LeftoversFoundException(reference, result);
        }
        return result;
    }
}
