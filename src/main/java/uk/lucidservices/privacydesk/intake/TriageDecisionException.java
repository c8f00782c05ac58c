package uk.lucidservices.privacydesk.intake;

/** A triage decision that cannot be carried out as given; the task stays open and the officer sees why. */
class TriageDecisionException extends RuntimeException {

    public TriageDecisionException(String message) {
        super(message);
    }
}
