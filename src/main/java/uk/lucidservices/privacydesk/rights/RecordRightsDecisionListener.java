package uk.lucidservices.privacydesk.rights;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;
import uk.lucidservices.privacydesk.rights.ProcessingRestrictions.Grounds;
import uk.lucidservices.privacydesk.rights.RightsDecisions.Kind;

/**
 * Completion listener of the type-specific decision steps of {@code rights-request}: the officer's
 * {@code rightsDecision} (an outcome the step allows) and {@code decisionDetail} (what was corrected
 * per system or category, or the reasons) go to {@link RightsDecisions}; the text leaves the process
 * and only the outcome stays, as {@code rightsOutcome}, for the gateways and the register. A
 * restriction also needs {@code restrictionGrounds} (Art. 18(1)(a) to (d)), kept as a variable for
 * the step that places it. Anything missing stops the task from completing.
 */
@Component("recordRightsDecision")
class RecordRightsDecisionListener implements TaskListener {

    public static final String DECISION = "rightsDecision";
    public static final String DETAIL = "decisionDetail";
    public static final String GROUNDS = "restrictionGrounds";
    public static final String OUTCOME = "rightsOutcome";

    /** The step, the decision it records, and the outcomes it allows with whether each needs words. */
    private record Step(Kind kind, Map<String, String> outcomes) {}

    private static final Map<String, Step> STEPS = Map.of(
            "Task_DecideRectification",
            new Step(
                    Kind.RECTIFICATION,
                    Map.of(
                            "RECTIFIED",
                                    "Say what was corrected or completed, system by system or category by category",
                            "REFUSED", "Give the reason for not correcting the data: the letter quotes it")),
            "Task_DecideRestriction",
            new Step(
                    Kind.RESTRICTION,
                    Map.of(
                            "RESTRICTED", "",
                            "REFUSED", "Give the reason for not restricting: the letter quotes it")),
            "Task_WeighObjection",
            new Step(
                    Kind.PROCESSING_OBJECTION,
                    Map.of(
                            "STOPPED",
                            "Say which processing stops: the letter tells the requester",
                            "CONTINUED",
                            "Give the compelling legitimate grounds that override the requester's interests,"
                                    + " or the legal claims: the letter states them")),
            "Task_LiftRestriction",
            new Step(
                    Kind.RESTRICTION_LIFTED,
                    Map.of(
                            "LIFTED",
                            "Give the reason the restriction ends: the requester is told before it is lifted")));

    private final RequestRegister register;
    private final RightsDecisions decisions;

    RecordRightsDecisionListener(RequestRegister register, RightsDecisions decisions) {
        this.register = register;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        Step step = STEPS.get(task.getTaskDefinitionKey());
        if (step == null) {
            throw new IllegalStateException("Step " + task.getTaskDefinitionKey() + " records no rights decision");
        }
        DelegateExecution execution = task.getExecution();
        String outcome =
                parse(ProcessVariables.text(task, DECISION), step.outcomes().keySet());
        String detail = ProcessVariables.text(task, DETAIL);
        String needsWords = step.outcomes().get(outcome);
        if (!needsWords.isEmpty() && (detail == null || detail.isBlank())) {
            throw new IllegalArgumentException(needsWords);
        }
        Grounds grounds = null;
        if (step.kind() == Kind.RESTRICTION && outcome.equals("RESTRICTED")) {
            grounds = grounds(ProcessVariables.text(task, GROUNDS));
        }
        String userId = Actors.of(task);
        Request request = register.get(execution.getProcessBusinessKey());
        decisions.record(request.id(), step.kind(), outcome, detail, userId);
        register.record(
                request.id(),
                "RIGHTS_DECISION",
                userId,
                "decision=" + step.kind() + "; outcome=" + outcome + (grounds == null ? "" : "; grounds=" + grounds));
        ProcessVariables.forget(execution, DECISION, DETAIL, GROUNDS);
        ProcessVariables.set(execution, OUTCOME, outcome);
        if (grounds != null) {
            ProcessVariables.set(execution, GROUNDS, grounds.name());
        }
    }

    static String parse(String text, Set<String> allowed) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(wanted)) {
            throw new IllegalArgumentException("Choose a decision: "
                    + String.join(" or ", allowed.stream().sorted().toList()));
        }
        return wanted;
    }

    static Grounds grounds(String text) {
        try {
            return Grounds.valueOf(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Choose the grounds for the restriction (Art. 18(1)(a) to (d))");
        }
    }
}
