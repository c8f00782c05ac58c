package uk.lucidservices.privacydesk.mail;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.lucidservices.privacydesk.request.Language;
import uk.lucidservices.privacydesk.request.Request;
import uk.lucidservices.privacydesk.request.RequestType;

/**
 * What a letter may say: the caller's values (process variables, which hold no personal data by
 * rule), then the request register's fields, which win on a clash, then the desk settings as
 * {@code desk.*}. Staff letters and the desk's own documents get the register's fields without
 * the person ({@link #withoutPerson}). Dates are written as people read them in a UK letter ("3 March 2026"),
 * in Welsh for a request in Welsh ("3 Mawrth 2026"), as is the request type's name.
 */
@Component
class LetterModel {

    static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** Welsh month names, written out rather than taken from the JDK's locale data, which a slim runtime may lack. */
    private static final List<String> WELSH_MONTHS = List.of(
            "Ionawr",
            "Chwefror",
            "Mawrth",
            "Ebrill",
            "Mai",
            "Mehefin",
            "Gorffennaf",
            "Awst",
            "Medi",
            "Hydref",
            "Tachwedd",
            "Rhagfyr");

    /**
     * The settings a letter shows as words rather than as an address, number or link: each has a
     * Welsh counterpart named with {@code Cy} ({@code postalAddress} and {@code postalAddressCy}),
     * which a Welsh letter shows under the English name. One missing stops start-up: a Welsh letter
     * never falls back to English words the desk was given.
     */
    static final List<String> WORDED_SETTINGS =
            List.of("signOff", "controllerAddress", "postalAddress", "icoName", "icoAddress", "ombudsmanName");

    private final Map<String, String> settings;
    private final Map<String, String> welshSettings;
    private final Clock clock;

    public LetterModel(DeskMailProperties properties, Clock clock) {
        this.settings = properties.letters().settings();
        this.welshSettings = welsh(settings);
        this.clock = clock;
    }

    /**
     * The settings as a Welsh letter sees them: {@code desk.X} is the value of {@code XCy} for each
     * worded setting; the rest (names, addresses of mail and web, numbers) are the same in both.
     */
    static Map<String, String> welsh(Map<String, String> settings) {
        Map<String, String> welsh = new LinkedHashMap<>(settings);
        List<String> missing = new ArrayList<>();
        for (String key : WORDED_SETTINGS) {
            String english = settings.get(key);
            String cy = settings.get(key + "Cy");
            if (english == null || english.isBlank()) {
                continue;
            }
            if (cy == null || cy.isBlank()) {
                missing.add("desk.mail.letters.settings." + key + "Cy");
            } else {
                welsh.put(key, cy);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Welsh letters need the Welsh counterpart of each worded setting; set "
                    + String.join(", ", missing));
        }
        return Map.copyOf(welsh);
    }

    public Map<String, Object> build(Request request, Map<String, Object> values) {
        Map<String, Object> model = withoutPerson(request, values);
        model.put("name", request.requesterName());
        model.put("firstName", firstName(request.requesterName()));
        return model;
    }

    /**
     * What a letter to staff, or a document the desk keeps, may say: the request's reference, type
     * and dates, never who the requester is (a template that prints {@code {{name}}} fails to render).
     */
    public Map<String, Object> withoutPerson(Request request, Map<String, Object> values) {
        Language language = request.language();
        Map<String, Object> model = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((key, value) -> model.put(key, readable(value, language)));
        }
        model.remove("name");
        model.remove("firstName");
        model.put("reference", request.reference());
        model.put("requestType", request.type().name());
        model.put("requestTypeName", typeName(request.type(), language));
        model.put(request.type().name().toLowerCase(Locale.ROOT).replace("_", ""), true);
        model.put("receivedDate", date(request.receivedAt(), language));
        model.put("clockStart", date(request.clockStart(), language));
        model.put("statutoryDeadline", date(request.statutoryDeadline(), language));
        model.put("internalTarget", date(request.internalTarget(), language));
        model.put("extended", request.extended());
        model.put("today", format(LocalDate.now(clock), language));
        model.put("desk", language == Language.WELSH ? welshSettings : settings);
        // Which rules a complaint's letters cite: Ofcom's ADR scheme for telecoms, the ICO for data protection.
        Object category = values == null ? null : values.get("complaintCategory");
        model.put("telecomsComplaint", "SERVICE_BILLING".equals(category));
        model.put("dataProtectionComplaint", "DATA_PROTECTION".equals(category));
        return model;
    }

    static String typeName(RequestType type, Language language) {
        if (language != Language.WELSH) {
            return typeName(type);
        }
        return switch (type) {
            case SUBJECT_ACCESS -> "cais am fynediad at ddata gan wrthrych data";
            case ERASURE -> "cais i ddileu eich data personol";
            case COMPLAINT -> "cwyn";
            case OBJECTION -> "gwrthwynebiad i farchnata uniongyrchol";
            case DO_NOT_RECORD -> "cais i ni beidio â recordio eich galwadau";
            case TRANSCRIPT_COPY -> "cais am gopi o'ch sgwrs fyw";
            case RECTIFICATION -> "cais i gywiro eich data personol";
            case RESTRICTION -> "cais i gyfyngu ar y ffordd rydym yn defnyddio eich data personol";
            case PORTABILITY -> "cais am gopi cludadwy o'r data a roesoch i ni";
            case PROCESSING_OBJECTION -> "gwrthwynebiad i'r ffordd rydym yn defnyddio eich data personol";
        };
    }

    static String typeName(RequestType type) {
        return switch (type) {
            case SUBJECT_ACCESS -> "subject access request";
            case ERASURE -> "request to erase your personal data";
            case COMPLAINT -> "complaint";
            case OBJECTION -> "objection to direct marketing";
            case DO_NOT_RECORD -> "request that we stop recording your calls";
            case TRANSCRIPT_COPY -> "request for a copy of your live chat";
            case RECTIFICATION -> "request to correct your personal data";
            case RESTRICTION -> "request to restrict how we use your personal data";
            case PORTABILITY -> "request for a portable copy of the data you gave us";
            case PROCESSING_OBJECTION -> "objection to how we use your personal data";
        };
    }

    static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.trim().split("\\s+")[0];
    }

    private Object readable(Object value, Language language) {
        // Lists of lines (e.g. what was erased by hand, with its day) carry dates too.
        if (value instanceof List<?> list) {
            List<Object> lines = new ArrayList<>(list.size());
            list.forEach(item -> lines.add(readable(item, language)));
            return lines;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> line = new LinkedHashMap<>();
            map.forEach((key, item) -> line.put(key, readable(item, language)));
            return line;
        }
        if (value instanceof LetterTime time) {
            return time.written(language);
        }
        if (value instanceof LocalDate
                || value instanceof OffsetDateTime
                || value instanceof ZonedDateTime
                || value instanceof Date) {
            return date(value, language);
        }
        return value;
    }

    private String date(Object value, Language language) {
        if (value == null) {
            return null;
        }
        LocalDate date;
        if (value instanceof LocalDate d) {
            date = d;
        } else if (value instanceof OffsetDateTime t) {
            date = t.atZoneSameInstant(clock.getZone()).toLocalDate();
        } else if (value instanceof ZonedDateTime t) {
            date = t.withZoneSameInstant(clock.getZone()).toLocalDate();
        } else {
            date = ((Date) value).toInstant().atZone(clock.getZone()).toLocalDate();
        }
        return format(date, language);
    }

    /** "15 June 2026", or "15 Mehefin 2026" in Welsh. */
    static String format(LocalDate date, Language language) {
        if (language == Language.WELSH) {
            return date.getDayOfMonth() + " " + WELSH_MONTHS.get(date.getMonthValue() - 1) + " " + date.getYear();
        }
        return UK_DATE.format(date);
    }
}
