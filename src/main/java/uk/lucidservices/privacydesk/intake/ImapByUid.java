package uk.lucidservices.privacydesk.intake;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;

/**
 * Reads, moves and flags one mail by its IMAP UID. Message sequence numbers shift whenever
 * another client (a second desk node, a person in a mail program) moves or deletes mail, and a
 * server that renumbers early would make "the 5th message" a different mail between reading and
 * moving it. A UID names one mail for as long as the folder exists, so the mail that is moved is
 * always the mail that was recorded.
 */
final class ImapByUid {

    private ImapByUid() {
    }

    /** The mail's content (or only its header block), or null if it is no longer in the folder. */
    static byte[] fetch(IMAPFolder folder, long uid, boolean headersOnly) throws MessagingException {
        String section = headersOnly ? "BODY.PEEK[HEADER]" : "BODY.PEEK[]";
        return (byte[]) folder.doCommand(p -> {
            Response[] responses = p.command("UID FETCH " + uid + " (UID " + section + ")", null);
            byte[] content = null;
            for (Response response : responses) {
                if (response instanceof FetchResponse fetch) {
                    UID id = fetch.getItem(UID.class);
                    BODY body = fetch.getItem(BODY.class);
                    if (id != null && id.uid == uid && body != null && body.getByteArray() != null) {
                        content = body.getByteArray().getNewBytes();
                    }
                }
            }
            p.notifyResponseHandlers(responses);
            p.handleResult(responses[responses.length - 1]);
            return content;
        });
    }

    /**
     * Moves the mail to another folder: UID MOVE where the server has it, else copy, flag as
     * deleted and (with UIDPLUS) expunge just this mail. Returns whether the folder still needs an
     * EXPUNGE to let the mail go.
     */
    static boolean move(IMAPFolder folder, long uid, String target) throws MessagingException {
        return (Boolean) folder.doCommand(p -> {
            try {
                if (p.hasCapability("MOVE")) {
                    run(p, "UID MOVE " + uid, mailbox(target));
                    return false;
                }
                run(p, "UID COPY " + uid, mailbox(target));
            } catch (ProtocolException refused) {
                if (!exists(p, uid)) {
                    return false; // another reader moved it first
                }
                throw refused;
            }
            run(p, "UID STORE " + uid + " +FLAGS.SILENT (\\Deleted)", null);
            if (p.hasCapability("UIDPLUS")) {
                p.uidexpunge(UIDSet.createUIDSets(new long[]{uid}));
                return false;
            }
            return true;
        });
    }

    static void markSeen(IMAPFolder folder, long uid) throws MessagingException {
        folder.doCommand(p -> {
            run(p, "UID STORE " + uid + " +FLAGS.SILENT (\\Seen)", null);
            return null;
        });
    }

    private static boolean exists(IMAPProtocol p, long uid) throws ProtocolException {
        Response[] responses = p.command("UID FETCH " + uid + " (UID)", null);
        boolean found = false;
        for (Response response : responses) {
            if (response instanceof FetchResponse fetch && fetch.getItem(UID.class) != null
                    && fetch.getItem(UID.class).uid == uid) {
                found = true;
            }
        }
        p.notifyResponseHandlers(responses);
        p.handleResult(responses[responses.length - 1]);
        return found;
    }

    private static Argument mailbox(String name) {
        return new Argument().writeString(BASE64MailboxEncoder.encode(name));
    }

    private static void run(IMAPProtocol p, String command, Argument args) throws ProtocolException {
        Response[] responses = p.command(command, args);
        p.notifyResponseHandlers(responses);
        p.handleResult(responses[responses.length - 1]);
    }
}
