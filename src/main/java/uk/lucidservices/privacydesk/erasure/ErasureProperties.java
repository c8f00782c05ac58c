package uk.lucidservices.privacydesk.erasure;

import java.time.Period;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.lucidservices.privacydesk.engine.ProcessVariables;

/**
 * Settings under {@code desk.erasure}.
 *
 * @param scopes              named scopes a request can ask for (for example {@code call-recordings}),
 *                            each a list of data-map category ids
 * @param engineVariablesKept the process variables that survive {@code purgeEngineCopy}: references and ids only
 * @param idWait              how long the erasure process waits for ID it asked for before closing the request
 *                            (ISO 8601 period, to the end of that UK day; must be positive); DESK_ERASURE_ID_WAIT
 */
@ConfigurationProperties("desk.erasure")
record ErasureProperties(Map<String, List<String>> scopes, List<String> engineVariablesKept, Period idWait) {

    public ErasureProperties {
        scopes = scopes == null ? Map.of() : Map.copyOf(scopes);
        engineVariablesKept = engineVariablesKept == null
                ? List.of(ProcessVariables.REQUEST_REFERENCE, ProcessVariables.REQUEST_ID)
                : List.copyOf(engineVariablesKept);
    }
}
