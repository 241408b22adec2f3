package dev.amends.contract;

import java.util.List;

/**
 * The topic catalogue. One topic per stream of the complaint's lifecycle; the CloudEvents type
 * header tells the events on a topic apart.
 */
public enum Topic {
    COMPLAINTS("amends.complaints", Service.INTAKE,
            List.of(Service.RECOVERY, Service.NOTIFICATION, Service.REVIEW),
            "What customers told us: complaints as filed by CRM systems, and their requests to be forgotten."),
    RECOVERIES("amends.recoveries", Service.RECOVERY,
            List.of(Service.INTAKE, Service.NOTIFICATION, Service.REVIEW),
            "How each complaint is made right: apology, make-good, escalation."),
    NOTIFICATIONS("amends.notifications", Service.NOTIFICATION,
            List.of(Service.INTAKE, Service.REVIEW),
            "What customers were told, on which channel, and when.");

    private final String topicName;
    private final Service producer;
    private final List<Service> consumers;
    private final String purpose;

    Topic(String topicName, Service producer, List<Service> consumers, String purpose) {
        this.topicName = topicName;
        this.producer = producer;
        this.consumers = consumers;
        this.purpose = purpose;
    }

    public String topicName() {
        return topicName;
    }

    public Service producer() {
        return producer;
    }

    public List<Service> consumers() {
        return consumers;
    }

    public String purpose() {
        return purpose;
    }

    /**
     * Each consumer has its own dead-letter topic per source topic, so that a replay after a fix
     * goes back to the one consumer that failed and not to every subscriber.
     */
    public String deadLetterTopic(Service consumer) {
        if (!consumers.contains(consumer)) {
            throw new IllegalArgumentException(consumer + " does not consume " + topicName);
        }
        return topicName + "." + consumer.serviceName() + ".dlq";
    }
}
