package cn.fpr.bench;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a benchmark run measured: the machine, the settings, the results, as printed and as JSON
 * under {@code target/bench/} ({@code <name>.json}, the latest, and {@code <name>-<time>.json}).
 */
final class Report {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final String name;
    private final Map<String, Object> settings = new LinkedHashMap<>();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final Instant started = Instant.now();

    Report(String name) {
        this.name = name;
    }

    Report setting(String key, Object value) {
        settings.put(key, value);
        return this;
    }

    Report result(String key, Object value) {
        results.put(key, value);
        System.out.printf("[bench %s] %s = %s%n", name, key, value);
        return this;
    }

    Object result(String key) {
        return results.get(key);
    }

    /** Prints the whole report and writes it; returns where. */
    Path write(Path directory) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("benchmark", name);
        all.put("started", started.toString());
        all.put("finished", Instant.now().toString());
        all.put("machine", Machine.here().asMap());
        all.put("settings", settings);
        all.put("results", results);
        String json = JSON.writeValueAsString(all);
        System.out.println(json);
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(name + "-" + started.toString().replace(':', '-') + ".json");
            Files.writeString(file, json);
            Files.writeString(directory.resolve(name + ".json"), json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
