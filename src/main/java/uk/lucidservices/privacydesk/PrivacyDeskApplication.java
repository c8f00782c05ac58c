package uk.lucidservices.privacydesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PrivacyDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(PrivacyDeskApplication.class, args);
    }
}
