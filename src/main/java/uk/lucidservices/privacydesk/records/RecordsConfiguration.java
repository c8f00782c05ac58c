package uk.lucidservices.privacydesk.records;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.lucidservices.privacydesk.DeskProperties;

@Configuration
class RecordsConfiguration {

    @Bean
    public PhoneNumbers phoneNumbers(PhoneProperties phone) {
        return new PhoneNumbers(phone.defaultRegion());
    }

    @Bean
    public FileStore fileStore(DeskProperties desk) {
        return new FileStore(desk.fileStore());
    }
}
