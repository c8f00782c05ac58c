package uk.lucidservices.privacydesk.datamap;

/**
 * Whose rows a category holds. An account-level category (contracts, the account itself) belongs
 * to everyone on the account; a person-level one (calls by CLI, chats, web enquiries) belongs to
 * the person whose email or number is on the row, even when the row also names a shared account.
 */
enum Level {
    PERSON,
    ACCOUNT
}
