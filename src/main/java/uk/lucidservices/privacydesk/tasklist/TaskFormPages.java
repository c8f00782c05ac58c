package uk.lucidservices.privacydesk.tasklist;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the embedded Tasklist forms in {@code forms/*.html} at {@code /forms/}, where a user
 * task's {@code camunda:formKey="embedded:/forms/<name>.html"} points. A plain path, because
 * {@code embedded:app:} needs a process application's context path, which the Spring Boot
 * starter does not give. The pages hold no data: they read the case from the desk's API with the
 * webapp session when the officer opens the task.
 */
@Configuration
class TaskFormPages implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/forms/*.html").addResourceLocations("classpath:/forms/");
    }
}
