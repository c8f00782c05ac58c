package uk.lucidservices.privacydesk.records.demo;

import java.util.List;
import java.util.Locale;

/** Deterministic made-up people: person i is the same on every run and every machine. */
public final class DemoPeople {

    private static final String[] FIRST = {
        "Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur", "Ivy", "Leo", "Freya", "Oscar", "Lily",
        "Harry", "Grace", "Jack", "Sophia", "Theo", "Rosie", "Alfie", "Evie", "Charlie", "Poppy", "Finley", "Ella",
        "Henry", "Millie", "Thomas", "Daisy", "Jacob"
    };
    private static final String[] LAST = {
        "Smith",
        "Jones",
        "Taylor",
        "Brown",
        "Williams",
        "Wilson",
        "Johnson",
        "Davies",
        "Patel",
        "Robinson",
        "Wright",
        "Thompson",
        "Evans",
        "Walker",
        "White",
        "Roberts",
        "Green",
        "Hall",
        "Wood",
        "Jackson",
        "Clarke",
        "Khan",
        "Hughes",
        "Edwards",
        "Turner",
        "Hill",
        "Moore",
        "Cooper",
        "Ward",
        "Morris",
        "Kaur",
        "Okafor",
        "Nowak",
        "Murphy",
        "Campbell",
        "Stewart",
        "Lewis",
        "Baker"
    };
    private static final String[] DOMAINS = {"example.com", "example.org", "example.net"};

    /** Every tenth person is in every system, under differently written numbers and emails. */
    public static final int EVERYWHERE_EVERY = 10;

    private DemoPeople() {}

    public static DemoPerson person(int i) {
        String first = FIRST[i % FIRST.length];
        String last = LAST[(i / FIRST.length + i * 7) % LAST.length];
        String email = (first + "." + last + i).toLowerCase(Locale.ROOT) + "@" + DOMAINS[i % DOMAINS.length];
        // 01632 960xxx (landline) and 07700 900xxx (mobile) are Ofcom's ranges for drama.
        boolean mobile = i % 2 == 1;
        String national = mobile ? "07700 9%05d".formatted(i % 1000) : "01632 96%04d".formatted(i % 1000);
        String digits = national.replace(" ", "").substring(1);
        List<String> phones = List.of(
                national,
                "+44 " + digits.substring(0, 4) + " " + digits.substring(4),
                "0044" + digits,
                "44" + digits,
                "(" + national.substring(0, 5) + ") " + national.substring(6));
        String mixed = Character.toUpperCase(email.charAt(0)) + email.substring(1, email.indexOf('.')) + "."
                + Character.toUpperCase(email.charAt(email.indexOf('.') + 1)) + email.substring(email.indexOf('.') + 2);
        List<String> emails = List.of(
                email,
                mixed,
                "  " + email.toUpperCase(Locale.ROOT) + " ",
                mixed.replace("@", "@").trim());
        return new DemoPerson(
                i,
                first,
                last,
                email,
                national,
                "LS%06d".formatted(100000 + i),
                i % EVERYWHERE_EVERY == 0,
                emails,
                phones);
    }
}
