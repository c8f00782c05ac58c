package uk.lucidservices.privacydesk.intake;

import jakarta.mail.MessagingException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
 * Reads, moves and flags mail by IMAP UID, a batch per round trip. Message sequence numbers shift whenever
 * another client (a second desk node, a person in a mail program) moves or deletes mail, and a
 * server that renumbers early would make "the 5th message" a different mail between reading and
 * moving it. A UID names one mail for as long as the folder exists, so the mail that is moved is
 * always the mail that was recorded.
 */
final class ImapByUid {

    private ImapByUid() {}

    /**
     * The content (or only the header block) of each mail still in the folder, by UID, in one round
     * trip: mail that another reader has taken meanwhile is simply absent.
     */
    static Map<Long, byte[]> fetch(IMAPFolder folder, List<Long> uids, boolean headersOnly) throws MessagingException {
        Map<Long, byte[]> contents = new HashMap<>();
        if (uids.isEmpty()) {
            return contents;
        }
        String section = headersOnly ? "BODY.PEEK[HEADER]" : "BODY.PEEK[]";
        folder.doCommand(p -> {
            Response[] responses = p.command("UID FETCH " + set(uids) + " (UID " + section + ")", null);
            for (Response response : responses) {
                if (response instanceof FetchResponse fetch) {
                    UID id = fetch.getItem(UID.class);
                    BODY body = fetch.getItem(BODY.class);
                    if (id != null && uids.contains(id.uid) && body != null && body.getByteArray() != null) {
                        contents.put(id.uid, body.getByteArray().getNewBytes());
                    }
                }
            }
            p.notifyResponseHandlers(responses);
            p.handleResult(responses[responses.length - 1]);
            return null;
        });
        return contents;
    }

    /**
     * Moves the mail to another folder: UID MOVE where the server has it, else copy, flag as
     * deleted and (with UIDPLUS) expunge just this mail. Returns whether the folder still needs an
     * EXPUNGE to let the mail go.
     */
    static boolean move(IMAPFolder folder, List<Long> uids, String target) throws MessagingException {
        return (Boolean) folder.doCommand(p -> {
            String set = set(uids);
            try {
                if (p.hasCapability("MOVE")) {
                    run(p, "UID MOVE " + set, mailbox(target));
                    return false;
                }
                run(p, "UID COPY " + set, mailbox(target));
            } catch (ProtocolException refused) {
                if (uids.stream().noneMatch(uid -> exists(p, uid))) {
                    return false; // another reader moved them first
                }
                throw refused;
            }
            run(p, "UID STORE " + set + " +FLAGS.SILENT (\\Deleted)", null);
            if (p.hasCapability("UIDPLUS")) {
                p.uidexpunge(UIDSet.createUIDSets(
                        uids.stream().mapToLong(Long::longValue).toArray()));
                return false;
            }
            return true;
        });
    }

    static void markSeen(IMAPFolder folder, List<Long> uids) throws MessagingException {
        folder.doCommand(p -> {
            run(p, "UID STORE " + set(uids) + " +FLAGS.SILENT (\\Seen)", null);
            return null;
        });
    }

    private static String set(List<Long> uids) {
        return uids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static boolean exists(IMAPProtocol p, long uid) {
        Response[] responses = p.command("UID FETCH " + uid + " (UID)", null);
        boolean found = false;
        for (Response response : responses) {
            if (response instanceof FetchResponse fetch
                    && fetch.getItem(UID.class) != null
                    && fetch.getItem(UID.class).uid == uid) {
                found = true;
            }
        }
        p.notifyResponseHandlers(responses);
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
