package de.ortsanker.planning;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(PlanningSettings.class)
class PlanningConfiguration {
}
