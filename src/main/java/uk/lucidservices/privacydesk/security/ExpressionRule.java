package uk.lucidservices.privacydesk.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which expressions a deployed BPMN may hold. An expression reaches whatever the engine can see,
 * every Spring bean included, so a deployment could otherwise call the engine's own services or
 * any class on the class path. Allowed, and nothing else:
 * <ul>
 *   <li>a desk bean, or one method or property of it: {@code ${sendLetter}},
 *       {@code ${requestClockService.extensionAllowed(execution.processBusinessKey)}};</li>
 *   <li>a process variable by name, compared and combined with literals and operators:
 *       {@code ${triageDecision == 'REPLY'}}, {@code ${!leftoversFound}};</li>
 *   <li>{@code execution} itself, or one of {@link #EXECUTION_MEMBERS}.</li>
 * </ul>
 * No chained calls ({@code x.m().n()}), no index access ({@code x['y']}), no assignment, lambdas or
 * functions, and no bean from outside the desk's packages.
 */
final class ExpressionRule {

    static final Set<String> EXECUTION_MEMBERS =
            Set.of("processBusinessKey", "processInstanceId", "setVariable", "getVariable");
    private static final Set<String> OPERATOR_WORDS = Set.of(
            "true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge", "div", "mod");
    private static final Set<String> SYMBOLS = Set.of(
            "==", "!=", "<=", ">=", "&&", "||", ".", "(", ")", ",", "<", ">", "!", "+", "-", "*", "/", "%", "?", ":");

    private final Predicate<String> isDeskBean;
    private final Predicate<String> isOtherBean;

    ExpressionRule(Predicate<String> isDeskBean, Predicate<String> isOtherBean) {
        this.isDeskBean = isDeskBean;
        this.isOtherBean = isOtherBean;
    }

    /** Why the text breaks the rule, or empty when every expression in it is allowed. */
    Optional<String> violation(String text) {
        int at = 0;
        while (true) {
            int dollar = text.indexOf("${", at);
            int hash = text.indexOf("#{", at);
            int start = dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
            if (start < 0) {
                return Optional.empty();
            }
            List<String> tokens = new ArrayList<>();
            int end;
            try {
                end = tokenize(text, start + 2, tokens);
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
            Optional<String> violation = check(tokens);
            if (violation.isPresent()) {
                return violation;
            }
            at = end;
        }
    }

    /** Splits the expression body into tokens up to its closing brace; returns the index after it. */
    private static int tokenize(String text, int from, List<String> tokens) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '}') {
                return i + 1;
            } else if (c == '\'' || c == '"') {
                int close = i + 1;
                while (close < text.length() && text.charAt(close) != c) {
                    close += text.charAt(close) == '\\' ? 2 : 1;
                }
                if (close >= text.length()) {
                    throw new IllegalArgumentException("an unclosed string");
                }
                tokens.add("'");
                i = close + 1;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '.')) {
                    j++;
                }
                tokens.add("0");
                i = j;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i;
                while (j < text.length() && Character.isJavaIdentifierPart(text.charAt(j))) {
                    j++;
                }
                tokens.add(text.substring(i, j));
                i = j;
            } else {
                String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                String symbol = SYMBOLS.contains(two) || two.equals("->") ? two : String.valueOf(c);
                if (!SYMBOLS.contains(symbol)) {
                    throw new IllegalArgumentException("'" + symbol + "' is not allowed in an expression");
                }
                tokens.add(symbol);
                i += symbol.length();
            }
        }
        throw new IllegalArgumentException("an expression without its closing brace");
    }

    private Optional<String> check(List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals(".") && (i == 0 || !isIdentifier(tokens.get(i - 1)))) {
                return Optional.of("'.' may follow only a bean or execution, not a call, string or number");
            }
            boolean chainStart =
                    isIdentifier(token) && (i == 0 || !tokens.get(i - 1).equals("."));
            if (!chainStart || OPERATOR_WORDS.contains(token)) {
                continue;
            }
            List<String> members = new ArrayList<>();
            int j = i + 1;
            while (j + 1 < tokens.size() && tokens.get(j).equals(".")) {
                members.add(tokens.get(j + 1));
                j += 2;
            }
            boolean called = j < tokens.size() && tokens.get(j).equals("(");
            Optional<String> violation = checkChain(token, members, called);
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    private Optional<String> checkChain(String root, List<String> members, boolean called) {
        String chain = String.join(".", prepend(root, members));
        if (root.equals("execution")) {
            return members.isEmpty() || members.size() == 1 && EXECUTION_MEMBERS.contains(members.get(0))
                    ? Optional.empty()
                    : Optional.of("'" + chain + "' is not allowed; of execution only " + EXECUTION_MEMBERS);
        }
        if (isDeskBean.test(root)) {
            return members.size() <= 1
                    ? Optional.empty()
                    : Optional.of("'" + chain + "' reaches past the desk bean '" + root + "'");
        }
        if (isOtherBean.test(root)) {
            return Optional.of("'" + root + "' is a bean from outside the desk's packages");
        }
        if (!members.isEmpty() || called) {
            return Optional.of(
                    "'" + chain + (called ? "(...)" : "") + "' is neither a desk bean nor a plain process variable");
        }
        return Optional.empty();
    }

    private static boolean isIdentifier(String token) {
        return Character.isJavaIdentifierStart(token.charAt(0));
    }

    private static List<String> prepend(String root, List<String> members) {
        List<String> all = new ArrayList<>();
        all.add(root);
        all.addAll(members);
        return all;
    }
}
