package uk.lucidservices.privacydesk.mail;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a letter, notice or document is for, chosen by the caller and never taken from process
 * variables. {@link #role()} is what {@code desk.sent_letter} records (a role, never an address);
 * the addresses are used for sending only.
 */
public final class Recipient {

    /** How a letter leaves the desk, as {@code desk.sent_letter.channel} records it. */
    public enum Channel {
        EMAIL,
        POST,
        PACK,
        FILE
    }

    public static final String REQUESTER = "requester";

    /** Where the address comes from, which decides what the letter may say. */
    enum Source {
        REGISTER,
        CALLER,
        UNPROVEN,
        STAFF,
        NONE
    }

    private final String role;
    private final Source source;
    private final List<String> addresses;
    private final Channel channel;

    private Recipient(String role, Source source, List<String> addresses, Channel channel) {
        this.role = role;
        this.source = source;
        this.addresses = addresses;
        this.channel = channel;
    }

    /** The requester at the address the request came from (the register's); by post when there is none. */
    public static Recipient requester() {
        return new Recipient(REQUESTER, Source.REGISTER, List.of(), Channel.EMAIL);
    }

    /**
     * The requester at an address the caller has checked (on record, proven by a code, or confirmed
     * at the identity check); by post when there is none. Letters that disclose what the desk holds
     * go only this way, never to the address a mail merely came from.
     */
    public static Recipient requesterAt(Optional<String> checkedAddress) {
        return checkedAddress
                .filter(a -> !a.isBlank())
                .map(a -> new Recipient(REQUESTER, Source.CALLER, List.of(a.trim()), Channel.EMAIL))
                .orElseGet(() -> new Recipient(REQUESTER, Source.CALLER, List.of(), Channel.POST));
    }

    /**
     * The requester at an address not yet proven to be theirs, for the one-time code that proves it.
     * Such a letter is never told who the requester is (a template that prints {@code {{name}}} fails).
     */
    public static Recipient addressToProve(String address) {
        return new Recipient(
                REQUESTER,
                Source.UNPROVEN,
                List.of(Objects.requireNonNull(address).trim()),
                Channel.EMAIL);
    }

    /**
     * Staff, as a role ("managers", "assignees"), at their addresses. Staff letters carry the
     * reference and dates only, never the requester's details, and are never posted: with no
     * address nothing is sent.
     */
    public static Recipient staff(String role, Collection<String> addresses) {
        return new Recipient(Objects.requireNonNull(role), Source.STAFF, List.copyOf(addresses), Channel.EMAIL);
    }

    /** The requester, reading a document inside the disclosure pack (the cover letter). */
    public static Recipient requesterInPack() {
        return new Recipient(REQUESTER, Source.NONE, List.of(), Channel.PACK);
    }

    /** The desk's own file, kept as proof (the erasure certificate). */
    public static Recipient deskFile() {
        return new Recipient("desk", Source.NONE, List.of(), Channel.FILE);
    }

    public String role() {
        return role;
    }

    Source source() {
        return source;
    }

    List<String> addresses() {
        return addresses;
    }

    Channel channel() {
        return channel;
    }

    boolean isStaff() {
        return source == Source.STAFF;
    }

    /** Names the role only: a recipient may end up in a log line or an exception. */
    @Override
    public String toString() {
        return role + " (" + channel + ")";
    }
}
