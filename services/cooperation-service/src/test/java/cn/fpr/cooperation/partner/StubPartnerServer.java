package cn.fpr.cooperation.partner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner's system as the cooperation service sees it: an HTTP server with callbacks that answer
 * at once ({@code /ok/<name>}), hang ({@code /hang}), or fail the first time ({@code /flaky}).
 */
final class StubPartnerServer implements AutoCloseable {

    /** A notification as it arrived. */
    record Received(String contentType, String body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final AtomicInteger hangingCalls = new AtomicInteger();

    StubPartnerServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/ok/", exchange -> {
            keep(exchange.getRequestURI().getPath().substring("/ok/".length()), exchange);
            answer(exchange, 204);
        });
        server.createContext("/hang", exchange -> {
            hangingCalls.incrementAndGet();
            keep("hang", exchange);
            sleep(Duration.ofSeconds(20));
            answer(exchange, 204);
        });
        server.createContext("/flaky", exchange -> {
            keep("flaky", exchange);
            answer(exchange, flakyCalls.getAndIncrement() == 0 ? 503 : 204);
        });
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    List<Received> received(String name) {
        return received.getOrDefault(name, List.of());
    }

    int hangingCalls() {
        return hangingCalls.get();
    }

    private void keep(String name, HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>())
                .add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"), body));
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
