package cn.fpr.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a fault-injection run found: counts by section, and every requirement that failed. */
public final class Report {

    private final Map<String, Object> sections = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    void section(String name, Object content) {
        sections.put(name, content);
    }

    void require(boolean condition, String failure) {
        if (!condition) {
            failures.add(failure);
        }
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    public Map<String, Object> sections() {
        return Map.copyOf(sections);
    }

    public String json() {
        Map<String, Object> all = new LinkedHashMap<>(sections);
        all.put("passed", passed());
        all.put("failures", failures);
        return Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all);
    }
}
