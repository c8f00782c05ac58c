package uk.lucidservices.privacydesk.request;

import java.time.OffsetDateTime;

/**
 * What staff or the mailbox know when a request arrives. {@code phoneAndAccountFoundInText} says the
 * phone and account number were found in a mail's text rather than given in a field: they become
 * suggestions an officer accepts or rejects, never identifiers searched as they are.
 * Build one with {@link #builder(RequestType, Channel)}: most of the fields are optional strings,
 * which read better named than in a row.
 */
public record NewRequest(
        RequestType type,
        Channel channel,
        String requesterName,
        String requesterEmail,
        String requesterPhone,
        String accountNumber,
        String summary,
        OffsetDateTime receivedAt,
        String loggedBy,
        boolean phoneAndAccountFoundInText,
        Language language) {

    public NewRequest {
        if (language == null) {
            language = Language.ENGLISH;
        }
    }

    /** A request of this type arriving by this channel; everything else is optional. */
    public static Builder builder(RequestType type, Channel channel) {
        return new Builder(type, channel);
    }

    /** The same details as a request of another type (one mail asking for two things). */
    public NewRequest ofType(RequestType other) {
        return new NewRequest(
                other,
                channel,
                requesterName,
                requesterEmail,
                requesterPhone,
                accountNumber,
                summary,
                receivedAt,
                loggedBy,
                phoneAndAccountFoundInText,
                language);
    }

    /** Names each field of a new request; unset fields are null (received now, identifiers given in fields). */
    public static final class Builder {

        private final RequestType type;
        private final Channel channel;
        private String name;
        private String email;
        private String phone;
        private String accountNumber;
        private String summary;
        private OffsetDateTime receivedAt;
        private String loggedBy;
        private boolean foundInText;
        private Language language;

        private Builder(RequestType type, Channel channel) {
            this.type = type;
            this.channel = channel;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder email(String email) {
            this.email = email;
            return this;
        }

        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        public Builder accountNumber(String accountNumber) {
            this.accountNumber = accountNumber;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        /** When it was received; null means now, by the desk's clock. */
        public Builder receivedAt(OffsetDateTime receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        public Builder loggedBy(String loggedBy) {
            this.loggedBy = loggedBy;
            return this;
        }

        /** The phone and account number were found in a mail's text: suggestions, not identifiers. */
        public Builder foundInText() {
            this.foundInText = true;
            return this;
        }

        /** The language to write to the requester in; null or unset means English. */
        public Builder language(Language language) {
            this.language = language;
            return this;
        }

        public NewRequest build() {
            return new NewRequest(
                    type,
                    channel,
                    name,
                    email,
                    phone,
                    accountNumber,
                    summary,
                    receivedAt,
                    loggedBy,
                    foundInText,
                    language);
        }
    }
}
