package uk.lucidservices.privacydesk.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * A deployment is code, so a deployed BPMN may only run the desk's code. Every element and
 * attribute of a deployed BPMN is read before the deployment is accepted; it is refused, with the
 * element and the reason, when it holds
 * <ul>
 *   <li>a script (script task, script listener or input/output, script condition);</li>
 *   <li>a Java class outside {@value #DESK_PACKAGE} ({@code camunda:class}, a listener's
 *       {@code class}, {@code camunda:variableMappingClass});</li>
 *   <li>an expression that breaks {@link ExpressionRule}: only desk beans and process variables.</li>
 * </ul>
 * Who may deploy at all (camunda-admin alone) is the engine's authorizations' business.
 */
@Component
class DeployedBpmnRules extends AbstractProcessEnginePlugin {

    static final String DESK_PACKAGE = "uk.lucidservices.privacydesk";
    private static final Set<String> SCRIPT_ELEMENTS = Set.of("scriptTask", "script");
    private static final Set<String> TEXT_ONLY_ELEMENTS = Set.of("documentation", "text");

    private final ExpressionRule expressions;

    DeployedBpmnRules(ConfigurableListableBeanFactory beans) {
        this.expressions = new ExpressionRule(
                name -> beans.containsBean(name) && isDeskType(beans.getType(name, false)), beans::containsBean);
    }

    private static boolean isDeskType(Class<?> type) {
        return type != null && type.getName().startsWith(DESK_PACKAGE + ".");
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseRootElement(Element definitions, List<ProcessDefinitionEntity> processDefinitions) {
                // The whole file, not only its processes: a message name, too, can be an expression.
                check(definitions);
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    /** Checks an element and everything inside it; throws on the first thing a deployment may not hold. */
    void check(Element element) {
        String tag = element.getTagName();
        if (TEXT_ONLY_ELEMENTS.contains(tag)) {
            return;
        }
        if (SCRIPT_ELEMENTS.contains(tag)) {
            throw refused(element, "scripts are not allowed; use a desk bean through camunda:delegateExpression");
        }
        for (String key : element.attributes()) {
            String name = key.substring(key.lastIndexOf(':') + 1);
            String value = element.attribute(key);
            if (name.equals("scriptFormat") || name.equals("language")) {
                throw refused(element, "scripts are not allowed; use a desk bean or a plain variable comparison");
            }
            if ((name.equals("class") || name.endsWith("Class")) && !value.startsWith(DESK_PACKAGE + ".")) {
                throw refused(element, "class '" + value + "' is outside the desk's packages (" + DESK_PACKAGE + ")");
            }
            checkExpressions(element, value);
        }
        checkExpressions(element, element.getText());
        element.elements().forEach(this::check);
    }

    private void checkExpressions(Element element, String text) {
        if (text == null || !(text.contains("${") || text.contains("#{"))) {
            return;
        }
        Optional<String> violation = expressions.violation(text);
        if (violation.isPresent()) {
            throw refused(
                    element,
                    "expression " + text.trim() + ": " + violation.get()
                            + "; expressions may name a desk bean (${bean} or ${bean.method(...)}) or compare process variables");
        }
    }

    private static BpmnParseException refused(Element element, String why) {
        String id = element.attribute("id");
        return new BpmnParseException(
                "Deployment refused: <" + element.getTagName() + (id != null ? " id=\"" + id + "\"" : "") + "> " + why,
                element);
    }
}
