package cn.fpr.contracts;

import cn.fpr.contracts.household.HouseholdFlagged;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a consumer sees when the bytes on a topic are not a valid v1 event: a reason it can put in a dead letter. */
class MalformedEventsTest {

    private static final byte[] FLAGGED = EventCodec.encode(Samples.BY_TYPE.get(HouseholdFlagged.class));

    @Test
    void unknown_type_is_rejected_by_name() {
        assertThatThrownBy(() -> EventCodec.decode("household-vanished", FLAGGED))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("unknown event type 'household-vanished'");
    }

    @Test
    void bytes_that_are_not_json_are_rejected() {
        assertThatThrownBy(() -> EventCodec.decode("household-flagged", utf8("{\"householdId\": ")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("payload of household-flagged is not JSON");
    }

    @Test
    void a_missing_required_field_is_named() {
        String json = new String(FLAGGED, StandardCharsets.UTF_8).replace("\"householdId\"", "\"household\"");

        assertThatThrownBy(() -> EventCodec.decode("household-flagged", utf8(json)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("violates its schema")
                .hasMessageContaining("householdId");
    }

    @Test
    void a_value_of_the_wrong_shape_is_named_with_its_path() {
        String json = new String(FLAGGED, StandardCharsets.UTF_8).replace("\"520526\"", "\"5205X6\"");

        assertThatThrownBy(() -> EventCodec.decode("household-flagged", utf8(json)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("/region/countyCode");
    }

    @Test
    void an_unknown_enum_value_is_named() {
        String json = new String(FLAGGED, StandardCharsets.UTF_8).replace("\"ILLNESS\"", "\"BAD_LUCK\"");

        assertThatThrownBy(() -> EventCodec.decode("household-flagged", utf8(json)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("/riskTypes/0");
    }

    @Test
    void a_field_added_by_a_newer_producer_is_tolerated() {
        String json = new String(FLAGGED, StandardCharsets.UTF_8).replaceFirst("\\{", "{\"addedLater\":1,");

        assertThat(EventCodec.decode("household-flagged", utf8(json))).isEqualTo(Samples.BY_TYPE.get(HouseholdFlagged.class));
    }

    @Test
    void headers_round_trip_in_binary_mode() {
        EventEnvelope<DomainEvent> sent = EventEnvelope.of("evt-1", "/fpr/monitoring-service",
                java.time.Instant.parse("2026-03-16T08:00:00Z"), "corr-7", Samples.BY_TYPE.get(HouseholdFlagged.class));

        EventEnvelope<DomainEvent> received = CloudEventHeaders.fromHeaders(wire(CloudEventHeaders.toHeaders(sent)), FLAGGED);

        assertThat(received).isEqualTo(sent);
        assertThat(CloudEventHeaders.toHeaders(sent)).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "household-flagged")
                .containsEntry("ce_subject", "hh-520526-0001")
                .containsEntry("ce_dataschema", "urn:fpr:schema:household-flagged:v1");
    }

    @Test
    void an_event_without_an_id_is_rejected() {
        EventEnvelope<DomainEvent> sent = EventEnvelope.of("evt-1", "/fpr/monitoring-service",
                java.time.Instant.parse("2026-03-16T08:00:00Z"), "corr-7", Samples.BY_TYPE.get(HouseholdFlagged.class));
        Map<String, byte[]> headers = wire(CloudEventHeaders.toHeaders(sent));
        headers.remove(CloudEventHeaders.ID);

        assertThatThrownBy(() -> CloudEventHeaders.fromHeaders(headers, FLAGGED))
                .isInstanceOf(MalformedEventException.class).hasMessage("missing header ce_id");
    }

    @Test
    void a_subject_that_contradicts_the_payload_is_rejected() {
        EventEnvelope<DomainEvent> sent = EventEnvelope.of("evt-1", "/fpr/monitoring-service",
                java.time.Instant.parse("2026-03-16T08:00:00Z"), "corr-7", Samples.BY_TYPE.get(HouseholdFlagged.class));
        Map<String, byte[]> headers = wire(CloudEventHeaders.toHeaders(sent));
        headers.put(CloudEventHeaders.SUBJECT, utf8("hh-other"));

        assertThatThrownBy(() -> CloudEventHeaders.fromHeaders(headers, FLAGGED))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("does not match");
    }

    private static Map<String, byte[]> wire(Map<String, String> headers) {
        Map<String, byte[]> wire = new HashMap<>();
        headers.forEach((name, value) -> wire.put(name, utf8(value)));
        return wire;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
