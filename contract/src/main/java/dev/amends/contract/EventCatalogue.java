package dev.amends.contract;

import java.util.stream.Collectors;

/**
 * Renders the catalogue document (EVENTS.md) from the enums, so the document cannot drift from the
 * code: {@code EventCatalogueTest} compares the two and rewrites the file when run with
 * {@code ./mvnw -pl contract test -Damends.catalogue.write=true}.
 */
public final class EventCatalogue {

    private EventCatalogue() {
    }

    public static String render() {
        var out = new StringBuilder();
        out.append("# Amends event catalogue\n\n")
                .append("Generated from `dev.amends.contract.Topic` and `EventType`; do not edit by hand.\n")
                .append("Events travel as JSON in CloudEvents binary mode: `ce_id` (event id), `ce_type`, ")
                .append("`ce_source` (producing service), `ce_subject` (complaint id), `ce_time`. ")
                .append("The record key is the customer id. Consumers ignore unknown fields.\n\n")
                .append("## Topics\n\n")
                .append("| topic | producer | consumers | dead-letter topics | purpose |\n")
                .append("|---|---|---|---|---|\n");
        for (Topic topic : Topic.values()) {
            out.append("| `").append(topic.topicName()).append("` | ")
                    .append(topic.producer().serviceName()).append(" | ")
                    .append(topic.consumers().stream().map(Service::serviceName).collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(topic.consumers().stream().map(c -> "`" + topic.deadLetterTopic(c) + "`")
                            .collect(Collectors.joining("<br>")))
                    .append(" | ").append(topic.purpose()).append(" |\n");
        }
        out.append("\n## Events\n\n")
                .append("| `ce_type` | topic | record | meaning |\n")
                .append("|---|---|---|---|\n");
        for (EventType type : EventType.values()) {
            out.append("| `").append(type.ceType()).append("` | `").append(type.topic().topicName()).append("` | `")
                    .append(type.payloadType().getName()).append("` | ").append(type.meaning()).append(" |\n");
        }
        return out.toString();
    }
}
