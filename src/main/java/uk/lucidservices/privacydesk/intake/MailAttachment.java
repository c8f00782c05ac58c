package uk.lucidservices.privacydesk.intake;

/** A file that came with a mail, as the sender declared it. */
record MailAttachment(String fileName, String declaredType, byte[] content) {}
