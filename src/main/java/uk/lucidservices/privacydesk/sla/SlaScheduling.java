package uk.lucidservices.privacydesk.sla;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling for the SLA metrics refresh ({@link SlaMetrics#refresh()}). */
@Configuration
@EnableScheduling
class SlaScheduling {}
