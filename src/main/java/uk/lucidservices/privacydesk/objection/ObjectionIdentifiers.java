package uk.lucidservices.privacydesk.objection;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.IdentifierState;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestRegister;

/**
 * The phone and email keys an objection acts on: every identifier on the request, as given, except
 * those an officer rejected. No identity check and no matching to an account: an objection to
 * marketing needs none, and suppressing a number that turns out to be someone else's only stops
 * marketing to it. Numbers found in a mail's text count too ("stop calling me on 07700 900...").
 */
@Component
class ObjectionIdentifiers {

    record Keys(Request request, Set<String> phoneKeys, Set<String> emailKeys) {
        String counts() {
            return phoneKeys.size() + " phone and " + emailKeys.size() + " email keys";
        }
    }

    private final RequestRegister register;

    ObjectionIdentifiers(RequestRegister register) {
        this.register = register;
    }

    Keys of(String reference) {
        Request request = register.get(reference);
        Set<String> phones = new TreeSet<>();
        Set<String> emails = new TreeSet<>();
        for (RequestRegister.Identifier identifier : register.identifiers(request.id())) {
            if (identifier.key() == null || identifier.state() == IdentifierState.REJECTED) {
                continue;
            }
            if ("PHONE".equals(identifier.kind())) {
                phones.add(identifier.key());
            } else if ("EMAIL".equals(identifier.kind())) {
                emails.add(identifier.key());
            }
        }
        return new Keys(request, phones, emails);
    }
}
