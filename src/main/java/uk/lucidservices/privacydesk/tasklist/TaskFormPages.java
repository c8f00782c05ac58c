package uk.lucidservices.privacydesk.tasklist;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * Serves the embedded Tasklist forms in {@code forms/*.html} at {@code /forms/}, where a user
 * task's {@code camunda:formKey="embedded:/forms/<name>.html"} points. A plain path, because
 * {@code embedded:app:} needs a process application's context path, which the Spring Boot
 * starter does not give. The pages hold no data: they read the case from the desk's API with the
 * webapp session when the officer opens the task.
 * <p>
 * The script the forms share is kept once, in {@code forms/_desk-form.js} (and the other
 * {@code forms/_*.js}), and put into each page where its script says
 * {@code /* desk:include _desk-form.js *}{@code /}. Served inline, not loaded by the form: Tasklist
 * runs a form's script under its CSP nonce, and a script the form adds itself does not reliably
 * get one.
 */
@Configuration
class TaskFormPages implements WebMvcConfigurer {

    /** The marker, naming one of the shared scripts beside the forms (always {@code _name.js}). */
    static final Pattern INCLUDE = Pattern.compile("/\\* desk:include (_[a-z-]+\\.js) \\*/");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/forms/*.html")
                .addResourceLocations("classpath:/forms/")
                .resourceChain(true)
                .addTransformer(new SharedScripts());
    }

    /** Replaces each include marker with the shared script it names, read from beside the form. */
    static final class SharedScripts implements ResourceTransformer {

        @Override
        public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
                throws IOException {
            Resource page = chain.transform(request, resource);
            String html = read(page);
            Matcher marker = INCLUDE.matcher(html);
            StringBuilder out = new StringBuilder();
            while (marker.find()) {
                Resource script = page.createRelative(marker.group(1));
                if (!script.exists()) {
                    throw new IOException("The form " + page.getFilename() + " includes " + marker.group(1)
                            + ", which is not beside it");
                }
                marker.appendReplacement(out, Matcher.quoteReplacement(read(script)));
            }
            marker.appendTail(out);
            return new TransformedResource(page, out.toString().getBytes(StandardCharsets.UTF_8));
        }

        private static String read(Resource resource) throws IOException {
            try (InputStream in = resource.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
