package uk.lucidservices.privacydesk.mail;

/** A letter that went by post was posted today: from now it counts as given. */
public record LetterPosted(String reference, String template) {}
