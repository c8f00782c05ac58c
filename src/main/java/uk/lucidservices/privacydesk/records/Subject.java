package uk.lucidservices.privacydesk.records;

import java.util.List;
import java.util.Set;

/**
 * The person a request is about, as matching keys: lower-case emails, E.164 phone numbers and
 * CRM account numbers. {@code unmatchable} says, without the values, which identifiers could
 * not be used and why.
 */
public record Subject(
        Set<String> emailKeys, Set<String> phoneKeys, Set<String> accountNumbers, List<String> unmatchable) {

    public boolean isEmpty() {
        return emailKeys.isEmpty() && phoneKeys.isEmpty() && accountNumbers.isEmpty();
    }
}
