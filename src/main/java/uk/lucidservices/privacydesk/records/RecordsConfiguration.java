package uk.lucidservices.privacydesk.records;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class RecordsConfiguration {

    @Bean
    public PhoneNumbers phoneNumbers(@Value("${desk.phone.default-region:GB}") String region) {
        return new PhoneNumbers(region);
    }

    @Bean
    public FileStore fileStore(@Value("${desk.file-store}") String root) {
        return new FileStore(Path.of(root));
    }
}
