package uk.lucidservices.privacydesk.mail;

/** A letter ready to send: its subject (always carrying the reference), plain text and HTML. */
record RenderedLetter(String template, String subject, String text, String html) {}
