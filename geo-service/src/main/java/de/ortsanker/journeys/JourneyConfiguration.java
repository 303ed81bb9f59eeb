package de.ortsanker.journeys;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(JourneySettings.class)
class JourneyConfiguration {
}
