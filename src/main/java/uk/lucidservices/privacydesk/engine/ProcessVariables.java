package uk.lucidservices.privacydesk.engine;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The one boundary between the desk and its process variables: the names the processes share,
 * and one way to read each kind of value. Every reader answers null for a variable that is not
 * set or is blank, and throws {@link ProcessVariableException} (naming the variable and the
 * request, never the value) for one of the wrong type, so a form that sends a number where text
 * belongs fails the same way in every process.
 *
 * <p>Form answers leave the engine through {@link #forget}: once the desk has stored them in its own
 * tables they are blanked, then removed, so history keeps the name but not the text. Values that
 * only the next steps of the same transaction need go through {@link #handOn} instead.
 */
public final class ProcessVariables {

    /** The request's reference (also its business key); every process is started with it. */
    public static final String REQUEST_REFERENCE = "requestReference";
    /** The request's id in the register; every process is started with it. */
    public static final String REQUEST_ID = "requestId";
    /** How the request ended: DISCLOSED, REFUSED, CLOSED_NO_ID, ERASED, ERASED_IN_PART, RESOLVED, DEADLOCKED. */
    public static final String OUTCOME = "outcome";
    /** The letter template a {@code sendLetter} step sends (an input parameter of the step). */
    public static final String LETTER = "letter";
    /** The last moment the desk waits for the ID it asked for (a timer reads it). */
    public static final String ID_DUE_DATE = "idDueDate";
    /** The officer who confirmed the requester's identity. */
    public static final String IDENTITY_CHECKED_BY = "identityCheckedBy";

    private ProcessVariables() {}

    /** The request reference: the business key, else {@link #REQUEST_REFERENCE}; throws when neither is set. */
    public static String reference(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        if (reference == null || reference.isBlank()) {
            Object variable = execution.getVariable(REQUEST_REFERENCE);
            reference = variable instanceof String s ? s : null;
        }
        if (reference == null || reference.isBlank()) {
            throw new ProcessVariableException("Process instance " + execution.getProcessInstanceId()
                    + " has no request reference (business key or " + REQUEST_REFERENCE + ")");
        }
        return reference;
    }

    public static String reference(DelegateTask task) {
        return reference(task.getExecution());
    }

    /** Text, trimmed; null when not set or blank. */
    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw wrongType(scope, name, value, "text");
        }
        return s.isBlank() ? null : s.trim();
    }

    /** Text that must be there. */
    public static String requiredText(VariableScope scope, String name) {
        String value = text(scope, name);
        if (value == null) {
            throw missing(scope, name);
        }
        return value;
    }

    /** A whole number, given as a number or as its digits; null when not set or blank. */
    public static Long number(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue(); // Camunda Forms submit a number field as a double
        }
        if (value instanceof String s) {
            try {
                return Long.valueOf(s.trim());
            } catch (NumberFormatException e) {
                throw wrongType(scope, name, value, "a whole number");
            }
        }
        throw wrongType(scope, name, value, "a whole number");
    }

    /** A whole number that must be there. */
    public static long requiredNumber(VariableScope scope, String name) {
        Long value = number(scope, name);
        if (value == null) {
            throw missing(scope, name);
        }
        return value;
    }

    /** A yes/no answer, given as a boolean or as {@code true}/{@code false}; null when not set or blank. */
    public static Boolean yesNo(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && ("true".equalsIgnoreCase(s.trim()) || "false".equalsIgnoreCase(s.trim()))) {
            return Boolean.parseBoolean(s.trim());
        }
        throw wrongType(scope, name, value, "yes or no (true/false)");
    }

    /**
     * A day, given as a {@link LocalDate}, a {@link Date} (read in {@code zone}) or text starting
     * {@code yyyy-MM-dd} (Camunda Forms' date field); null when not set or blank.
     */
    public static LocalDate date(VariableScope scope, String name, ZoneId zone) {
        Object value = scope.getVariable(name);
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(zone).toLocalDate();
        }
        if (value instanceof String s) {
            try {
                return LocalDate.parse(
                        s.trim().substring(0, Math.min(10, s.trim().length())));
            } catch (DateTimeParseException e) {
                throw wrongType(scope, name, value, "a date (yyyy-MM-dd)");
            }
        }
        throw wrongType(scope, name, value, "a date (yyyy-MM-dd)");
    }

    /** A point in time (a timer's date); null when not set. */
    public static Date time(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Date d)) {
            throw wrongType(scope, name, value, "a date and time");
        }
        return d;
    }

    /** Sets a stored variable: references, ids, counts, user ids and decisions only, never personal data. */
    public static void set(VariableScope scope, String name, Object value) {
        scope.setVariable(name, value);
    }

    /**
     * Sets a variable on this scope only (a task's own variable, for its Tasklist columns):
     * references, kinds and counts only, never personal data. Nothing is set for null.
     */
    public static void setLocal(VariableScope scope, String name, Object value) {
        if (value != null) {
            scope.setVariableLocal(name, value);
        }
    }

    /**
     * Hands a value on to the next steps of the same transaction as a transient variable: those
     * steps see it, the database and the history never keep it, and the next round of the same
     * form opens empty. The engine will not turn a stored variable into a transient one in the same
     * transaction, so the transient one always has its own name. Nothing is set for null.
     */
    public static void handOn(VariableScope scope, String name, Object value) {
        if (value != null) {
            scope.setVariable(name, Variables.untypedValue(value, true));
        }
    }

    /**
     * The one way a form answer leaves the engine once the desk has stored it in its own tables.
     * Removing a variable is not enough: history (level audit) keeps its last value with state
     * DELETED, readable through {@code /engine-rest/history/variable-instance?includeDeleted=true}.
     * So each named variable that is set is blanked first, in the same transaction, then removed,
     * wherever in the scope hierarchy it lives; only the name reaches history.
     */
    public static void forget(VariableScope scope, String... names) {
        for (String name : names) {
            if (scope.hasVariable(name)) {
                TypedValue value = scope.getVariableTyped(name, false);
                // A transient value never reaches history, and the engine refuses to make it a stored one.
                if (value != null && !value.isTransient()) {
                    scope.setVariable(name, null);
                }
                scope.removeVariable(name);
            }
        }
    }

    private static ProcessVariableException missing(VariableScope scope, String name) {
        return new ProcessVariableException("Process variable '" + name + "' of " + referenceOf(scope) + " is not set");
    }

    /** Names the type found, never the value: a form answer may be personal data. */
    private static ProcessVariableException wrongType(VariableScope scope, String name, Object value, String expected) {
        return new ProcessVariableException(
                "Process variable '" + name + "' of " + referenceOf(scope) + " must be " + expected + ", not "
                        + (value instanceof String
                                ? "this text"
                                : "a " + value.getClass().getSimpleName()));
    }

    private static String referenceOf(VariableScope scope) {
        DelegateExecution execution = scope instanceof DelegateTask task
                ? task.getExecution()
                : scope instanceof DelegateExecution e ? e : null;
        String key = execution == null ? null : execution.getProcessBusinessKey();
        return key == null || key.isBlank() ? "a process without a request reference" : key;
    }
}
