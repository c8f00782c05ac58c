package uk.lucidservices.privacydesk.request;

/**
 * How a Lucid account number looks (a regular expression), for checking one staff type in. The
 * setting is the intake's ({@code desk.intake.account-number-pattern}, one record per prefix), so the
 * intake provides this bean from its properties and this shared package names only what it needs.
 *
 * @param pattern the regular expression, matched ignoring case
 */
public record AccountNumberFormat(String pattern) {}
