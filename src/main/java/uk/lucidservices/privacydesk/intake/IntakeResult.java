package uk.lucidservices.privacydesk.intake;

/** What the intake did with one mail. */
public record IntakeResult(long intakeId, IntakeOutcome outcome, String reference, String reason) {
}
