package uk.lucidservices.privacydesk.erasure;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.engine.Actors;
import uk.lucidservices.privacydesk.engine.ProcessVariables;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * Completion listener of {@code Task_EraseByHand} (form {@code erasure-by-hand}): the task closes
 * only when every by-hand item is recorded (the form records them through the desk's API as the
 * officer works, so no note or reason ever becomes a process variable); otherwise the completion is
 * refused with the items still open, and the task stays with the officer.
 */
@Component("recordErasureByHand")
class RecordErasureByHand implements TaskListener {

    private final ErasureByHand byHand;
    private final RequestRegister register;

    RecordErasureByHand(ErasureByHand byHand, RequestRegister register) {
        this.byHand = byHand;
        this.register = register;
    }

    @Override
    public void notify(DelegateTask task) {
        String reference = ProcessVariables.reference(task);
        byHand.requireAllRecorded(reference);
        long done = byHand.items(reference).stream()
                .filter(ErasureByHand.Item::doneWithEvidence)
                .count();
        register.record(
                register.get(reference).id(),
                "ERASURE_BY_HAND_RECORDED",
                Actors.of(task),
                done + " of " + byHand.items(reference).size() + " item(s) erased by hand");
    }
}
