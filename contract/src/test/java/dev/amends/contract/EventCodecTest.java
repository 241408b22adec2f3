package dev.amends.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.amends.contract.complaint.ComplaintCategory;
import dev.amends.contract.complaint.ComplaintReceived;
import dev.amends.contract.complaint.ContactChannel;
import dev.amends.contract.complaint.ContactSeal;
import dev.amends.contract.complaint.Customer;
import dev.amends.contract.complaint.CustomerAsk;
import dev.amends.contract.complaint.SealedContact;
import dev.amends.contract.complaint.Severity;
import dev.amends.contract.complaint.Specifics;
import dev.amends.contract.complaint.Triage;
import dev.amends.contract.complaint.WhatWentWrong;
import dev.amends.contract.recovery.Fault;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final ComplaintReceived received = new ComplaintReceived("acme", UUID.randomUUID(),
            new Customer("c-1", "Ada", new SealedContact("k1", "c2VhbGVk"), ContactSeal.emailDigest("ada@example.com"),
                    ContactChannel.EMAIL, "en", "Europe/Berlin", "gold"),
            ContactChannel.WEB, ComplaintCategory.DELIVERY, "Der Kühlschrank kam zwei Wochen zu spät 🙁",
            "ORD-1", Money.of("19.90", "EUR"), Instant.parse("2026-11-01T10:00:00Z"), "CRM-7",
            new Triage(Severity.HIGH, true, List.of("delivery"), List.of("angry")),
            Instant.parse("2026-11-02T08:30:00Z"), Fault.COMPANY,
            new Specifics(ComplaintCategory.DELIVERY, "ORD-1", false, List.of(WhatWentWrong.LATE),
                    List.of(CustomerAsk.DELIVERY_FEE_BACK)));

    @Test
    void eventSurvivesTheRoundTripWithItsTextUntouched() {
        String json = EventCodec.toJson(received);
        assertEquals(received, EventCodec.fromJson(EventType.COMPLAINT_RECEIVED, json));
    }

    @Test
    void moneyTravelsAsAStringNeverAsAFloatingPointNumber() {
        assertTrue(EventCodec.toJson(received).contains("\"amount\":\"19.90\""));
    }

    @Test
    void consumersIgnoreFieldsAddedByANewerProducer() {
        String json = EventCodec.toJson(received).replaceFirst("\\{", "{\"addedLater\":{\"x\":1},");
        assertEquals(received, EventCodec.fromJson(EventType.COMPLAINT_RECEIVED, json));
    }

    @Test
    void aComplaintFromBeforeFaultWasRecordedReadsAsUnknownFault() {
        String json = EventCodec.toJson(received).replace(",\"fault\":\"COMPANY\"", "");
        assertEquals(Fault.UNKNOWN, ((ComplaintReceived) EventCodec.fromJson(EventType.COMPLAINT_RECEIVED, json)).fault());
    }

    @Test
    void aComplaintFromBeforeTheStoryStayedInIntakeStillReads() {
        String json = EventCodec.toJson(received).replaceFirst("\\{", "{\"story\":\"Ich habe zwei Tage gewartet.\","
                + "\"desiredOutcome\":\"a refund\",");
        assertEquals(received, EventCodec.fromJson(EventType.COMPLAINT_RECEIVED, json));
    }

    @Test
    void unreadablePayloadIsReportedAsMalformed() {
        assertThrows(EventCodec.MalformedEventException.class,
                () -> EventCodec.fromJson(EventType.COMPLAINT_RECEIVED, "{not json"));
    }

    @Test
    void ceTypeCarriesTheVersion() {
        assertEquals("complaint.received.v1", EventType.COMPLAINT_RECEIVED.ceType());
        assertEquals(EventType.COMPLAINT_RECEIVED, EventType.ofCeType("complaint.received.v1").orElseThrow());
        assertEquals(EventType.COMPLAINT_RECEIVED, EventType.of(received));
    }
}
