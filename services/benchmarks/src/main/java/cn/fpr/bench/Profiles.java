package cn.fpr.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Java Flight Recorder profiles of the stack's processes while a benchmark drives them (started
 * and dumped with {@code jcmd}), and what they show: the share of CPU samples by the method on
 * top of the stack, and by the methods of our own code ({@code cn.fpr}) and of the store
 * ({@code de.bwaldvogel.mongo.backend}) anywhere on it.
 */
final class Profiles {

    private static final String RECORDING = "bench";

    private Profiles() {
    }

    static void start(long pid) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=" + RECORDING, "settings=profile");
    }

    static Path dump(long pid, Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        jcmd(pid, "JFR.dump", "name=" + RECORDING, "filename=" + file.toAbsolutePath());
        jcmd(pid, "JFR.stop", "name=" + RECORDING);
        return file;
    }

    /** The hottest methods of a recording: on top of the stack, and of our code (or the store's) anywhere on it, as shares of the CPU samples. */
    static Map<String, Object> hottest(Path recording, int top) throws IOException {
        Map<String, Integer> leaf = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            leaf.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : stack.getFrames()) {
                String name = name(frame);
                if ((name.startsWith("cn.fpr.") || name.startsWith("de.bwaldvogel.mongo.backend.")) && seen.add(name)) {
                    ours.merge(name, 1, Integer::sum);
                }
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("cpuSamples", samples);
        summary.put("topOfStack", shares(leaf, samples, top));
        summary.put("ourCodeOnStack", shares(ours, samples, top * 2));
        return summary;
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static Map<String, String> shares(Map<String, Integer> counts, int samples, int top) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        Map<String, String> shares = new LinkedHashMap<>();
        sorted.stream().limit(top).forEach(entry ->
                shares.put(entry.getKey(), String.format("%.1f%%", 100.0 * entry.getValue() / Math.max(1, samples))));
        return shares;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", line) + ": " + output);
        }
    }
}
