package cn.fpr.consultation.feed;

import cn.fpr.contracts.EventCatalogue;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Role;
import cn.fpr.platform.web.RegionQuery;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The live feed of events for dashboards, as Server-Sent Events. */
@RestController
@RequestMapping("/api/v1/events")
class StreamController {

    private final LiveFeed feed;
    private final LiveFeedProperties properties;
    private final JsonMapper json;

    StreamController(LiveFeed feed, LiveFeedProperties properties, JsonMapper json) {
        this.feed = feed;
        this.properties = properties;
        this.json = json;
    }

    /**
     * Subscribes to events, optionally only those about some regions (province, county or
     * township codes within the caller's region; the caller's own region when none is given) or
     * of some types. Each message's {@code id} is the event ID; reconnecting
     * with {@code Last-Event-ID} (or {@code ?lastEventId=}) resumes after it. A comment line is
     * sent when the stream is quiet.
     */
    @Allowed({Role.TOWNSHIP_REVIEWER, Role.COUNTY_OFFICIAL, Role.PROVINCE_ADMIN, Role.DASHBOARD_VIEWER})
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> stream(@RequestParam(name = "region", required = false) List<String> regions,
                                         @RequestParam(name = "type", required = false) List<String> types,
                                         @RequestParam(name = "lastEventId", required = false) String lastEventIdParam,
                                         @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Set<String> regionCodes = regions == null ? Set.of() : Set.copyOf(regions);
        regionCodes.forEach(RegionQuery::of);
        Set<String> typeNames = types == null ? Set.of() : Set.copyOf(types);
        List<String> unknown = typeNames.stream().filter(type -> EventCatalogue.byName(type).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new RuleBroken("type", "unknown event types " + unknown);
        }
        // regions within the caller's (its own when none are asked for); one outside answers 404
        Mono<List<RegionQuery>> within = regionCodes.isEmpty() ? RegionQuery.within(null).map(List::of)
                : Flux.fromIterable(regionCodes).concatMap(RegionQuery::within).collectList();
        Flux<ServerSentEvent<String>> events = within
                .flatMapMany(scopes -> feed.stream(scopes.stream().filter(scope -> scope.code() != null).map(RegionQuery::code)
                        .collect(Collectors.toSet()), typeNames, lastEventId != null ? lastEventId : lastEventIdParam))
                .map(entry -> ServerSentEvent.builder(message(entry)).id(entry.eventId()).event(entry.type()).build());
        Flux<ServerSentEvent<String>> heartbeats = Flux.interval(properties.heartbeat())
                .map(tick -> ServerSentEvent.<String>builder().comment("heartbeat").build());
        // the stream ends when the feed ends it (a client that stopped reading), heartbeats or not
        ServerSentEvent<String> end = ServerSentEvent.<String>builder().comment("end").build();
        return Flux.merge(events.concatWith(Flux.just(end)), heartbeats).takeWhile(event -> event != end);
    }

    /** How many clients are connected here and how many were disconnected for not reading. */
    @Allowed({Role.DASHBOARD_VIEWER, Role.OPERATOR})
    @GetMapping("/stream/stats")
    LiveFeed.Stats stats() {
        return feed.stats();
    }

    private String message(FeedEntry entry) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("eventId", entry.eventId());
        message.put("type", entry.type());
        message.put("time", entry.time().toString());
        message.put("subject", entry.subject());
        message.put("provinceCode", entry.provinceCode());
        message.put("countyCode", entry.countyCode());
        message.put("townshipCode", entry.townshipCode());
        ObjectNode node = json.valueToTree(message);
        node.set("data", json.readTree(entry.data()));
        return json.writeValueAsString(node);
    }
}
