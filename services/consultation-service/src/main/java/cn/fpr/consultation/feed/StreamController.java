package cn.fpr.consultation.feed;

import cn.fpr.contracts.EventCatalogue;
import cn.fpr.platform.rules.RuleBroken;
import cn.fpr.platform.security.Allowed;
import cn.fpr.platform.security.Role;
import cn.fpr.platform.web.RegionQuery;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** The live feed of events for dashboards, as Server-Sent Events. */
@RestController
@RequestMapping("/api/v1/events")
class StreamController {

    /** How many of the latest events' messages are kept encoded. */
    private static final int RENDERED = 2048;
    private static final byte[] HEARTBEAT = ":heartbeat\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = ":end\n\n".getBytes(StandardCharsets.UTF_8);

    private final LiveFeed feed;
    private final LiveFeedProperties properties;
    private final JsonMapper json;
    /**
     * Each event's message, encoded once for all the clients it goes to (by its place in the
     * feed): with thousands of dashboards, encoding it for each was most of the fan-out's time.
     */
    private final Map<Long, byte[]> rendered = new ConcurrentHashMap<>();
    private final AtomicLong newest = new AtomicLong();

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
    @ApiResponse(responseCode = "200", description = "the events as Server-Sent Events: id (the event ID), event (its type), "
            + "data (a JSON object: eventId, type, time, subject, provinceCode, countyCode, townshipCode, data)",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    Mono<Void> stream(@RequestParam(name = "region", required = false) List<String> regions,
                      @RequestParam(name = "type", required = false) List<String> types,
                      @RequestParam(name = "lastEventId", required = false) String lastEventIdParam,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      ServerHttpResponse response) {
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
        Flux<byte[]> events = within
                .flatMapMany(scopes -> feed.stream(scopes.stream().filter(scope -> scope.code() != null).map(RegionQuery::code)
                        .collect(Collectors.toSet()), typeNames, lastEventId != null ? lastEventId : lastEventIdParam))
                .map(this::frame);
        Flux<byte[]> heartbeats = Flux.interval(properties.heartbeat()).map(tick -> HEARTBEAT);
        // the stream ends when the feed ends it (a client that stopped reading), heartbeats or not
        Flux<byte[]> frames = Flux.merge(events.concatWith(Mono.just(END)), heartbeats).takeWhile(frame -> frame != END);
        response.getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
        return response.writeAndFlushWith(frames.map(frame -> Mono.just(response.bufferFactory().wrap(frame))));
    }

    /** How many clients are connected here and how many were disconnected for not reading. */
    @Allowed({Role.DASHBOARD_VIEWER, Role.OPERATOR})
    @GetMapping("/stream/stats")
    LiveFeed.Stats stats() {
        return feed.stats();
    }

    /**
     * The event as a Server-Sent Events message ({@code id}, {@code event}, {@code data}), encoded
     * once for all the clients it goes to.
     */
    private byte[] frame(FeedEntry entry) {
        byte[] frame = rendered.computeIfAbsent(entry.seq(), seq -> ("id:" + entry.eventId() + "\nevent:" + entry.type()
                + "\ndata:" + message(entry) + "\n\n").getBytes(StandardCharsets.UTF_8));
        if (newest.accumulateAndGet(entry.seq(), Math::max) == entry.seq() && rendered.size() > RENDERED) {
            rendered.keySet().removeIf(seq -> seq <= entry.seq() - RENDERED / 2);
        }
        return frame;
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
