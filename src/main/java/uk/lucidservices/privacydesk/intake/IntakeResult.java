package uk.lucidservices.privacydesk.intake;

/** What the intake did with one mail. */
record IntakeResult(long intakeId, IntakeOutcome outcome, String reference, String reason) {}
