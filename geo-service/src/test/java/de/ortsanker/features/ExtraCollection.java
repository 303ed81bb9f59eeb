package de.ortsanker.features;

import de.ortsanker.catalogue.Field;
import de.ortsanker.catalogue.FieldType;
import de.ortsanker.catalogue.Text;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A collection another package might add (the planning package, say): declared as a bean and nothing
 * else, it is served like the built-in ones.
 */
@TestConfiguration
class ExtraCollection {

    @Bean
    CollectionDefinition bigVillages() {
        return CollectionDefinition.builder("big_villages")
                .title("Große Orte")
                .description("Villages and towns with more than 2000 inhabitants")
                .from("localities l")
                .where("l.retired_at is null and l.population > 2000")
                .id("l.id")
                .geometry("l.geom", "l.geog")
                .properties(List.of(
                        Field.queryable("name", FieldType.STRING, Text.of("Name", "Name"), "l.name"),
                        Field.queryable("population", FieldType.INTEGER, Text.of("Einwohner", "Inhabitants"), "l.population")))
                .provenance("l.source", "l.licence", "l.attribution")
                .layers("localities")
                .order(200)
                .build();
    }
}
