package cn.fpr.faults;

import cn.fpr.simulator.AccessToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The driver's HTTP client, acting as a county office or cadre's app would: a request that gets
 * no answer (the service was killed, the store is down) is retried a few times, and every answer's
 * status is counted, so that the report can show what callers saw while the faults were on.
 */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer: its status (0 when none came) and body. */
    record Answer(int status, JsonNode body, String retryAfter) {

        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong unavailableWithRetryAfter = new AtomicLong();
    private volatile AccessToken token;

    /** From now on, requests carry this system's access token. */
    void presenting(AccessToken token) {
        this.token = token;
    }

    Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET());
    }

    Answer post(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").header("X-Correlation-ID", "fault-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /**
     * Sends until an answer other than "unavailable" comes, for up to about two minutes; the last
     * answer otherwise (status 0: none came). Callers read back before repeating a write whose
     * answer was lost, so a repeated request cannot double an effect.
     */
    Answer untilAnswered(Supplier<Answer> request) {
        Answer answer = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            answer = request.get();
            if (answer.status() != 0 && answer.status() != 503) {
                return answer;
            }
            pause(2000);
        }
        return answer;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            if (token != null) {
                request.header("Authorization", token.header());
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            if (response.statusCode() == 503 && retryAfter != null) {
                unavailableWithRetryAfter.incrementAndGet();
            }
            JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, retryAfter);
        } catch (IOException | IllegalStateException e) {
            // no answer, or no token (the issuer could not be reached)
            unanswered.incrementAndGet();
            return new Answer(0, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, null);
        } catch (RuntimeException e) {
            // an answer that is not JSON (none of ours should be)
            statuses.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
            return new Answer(-1, null, null);
        }
    }

    Map<String, Long> statuses() {
        Map<String, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(Integer.toString(status), count.get()));
        counts.put("no answer (connection refused or reset)", unanswered.get());
        counts.put("503 with Retry-After", unavailableWithRetryAfter.get());
        return counts;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
