package uk.lucidservices.privacydesk.request;

/**
 * The ID documents a requester sent, wherever the desk keeps them (the intake's attachment files, the
 * raw copy of the mail that carried them, the mailbox's processed folder). The letter asking for ID
 * promises they are deleted once the identity is decided; {@link IdentityChecks} keeps that promise
 * through this interface, which the intake implements.
 */
public interface IdDocuments {

    /**
     * Deletes every document that came with the request's mails, and strips the kept copies of those
     * mails of them; answers how many mails carried documents. Idempotent: a second call finds nothing.
     */
    int deleteAfterDecision(long requestId);
}
