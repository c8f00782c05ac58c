package uk.lucidservices.privacydesk.erasure;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.lucidservices.privacydesk.datamap.ErasureAction;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/** Closes an erasure request in the register with its outcome. */
@Service
class ErasureClosing {

    public static final String ERASED = "ERASED";
    public static final String ERASED_IN_PART = "ERASED_IN_PART";
    public static final String REFUSED = "REFUSED";

    private final ErasureSubjects subjects;
    private final ErasureCases cases;
    private final ErasurePlan plan;
    private final RequestRegister register;

    public ErasureClosing(ErasureSubjects subjects, ErasureCases cases, ErasurePlan plan, RequestRegister register) {
        this.subjects = subjects;
        this.cases = cases;
        this.plan = plan;
        this.register = register;
    }

    /** {@code outcome} null: REFUSED, ERASED_IN_PART (records asked for were kept) or ERASED, from the record. */
    @Transactional
    public String close(String reference, String outcome) {
        Request request = subjects.request(reference);
        String result = outcome != null && !outcome.isBlank() ? outcome.trim() : outcome(reference);
        register.close(request.reference(), result, null, "Closed: " + result);
        return result;
    }

    private String outcome(String reference) {
        ErasureCase erasure = cases.find(reference).orElse(null);
        if (erasure == null || erasure.refused()) {
            return REFUSED;
        }
        // Records known to be kept; a manual system's unknown count does not decide the outcome.
        boolean keptSomething = plan.items(reference).stream()
                .anyMatch(i -> i.inScope()
                        && i.action() == ErasureAction.KEEP
                        && i.recordCount() != null
                        && i.recordCount() > 0);
        return keptSomething ? ERASED_IN_PART : ERASED;
    }
}
