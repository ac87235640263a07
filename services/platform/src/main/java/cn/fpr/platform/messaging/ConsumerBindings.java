package cn.fpr.platform.messaging;

import cn.fpr.contracts.Topics;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's consumer bindings as configured ({@code spring.cloud.stream.bindings.<name>-in-<n>}):
 * what each reads, in which group, and where its dead letters go. The dead-letter handling and the
 * dead-letter tooling both read them from here.
 */
public final class ConsumerBindings {

    private static final Pattern BINDING = Pattern.compile("spring\\.cloud\\.stream\\.bindings\\.([^.]+-in-\\d+)\\.destination");

    /**
     * A consumer binding with a group, and its dead-letter topic {@code error.<topic>.<group>}.
     *
     * @param batchMode whether its function receives each poll's records at once
     */
    public record Binding(String name, String destination, String group, boolean batchMode) {

        public String deadLetterTopic() {
            return Topics.deadLetter(destination, group);
        }
    }

    private final List<Binding> bindings;

    private ConsumerBindings(List<Binding> bindings) {
        this.bindings = List.copyOf(bindings);
    }

    public static ConsumerBindings of(ConfigurableEnvironment environment) {
        TreeSet<String> names = new TreeSet<>();
        environment.getPropertySources().forEach(source -> {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String property : enumerable.getPropertyNames()) {
                    Matcher matcher = BINDING.matcher(property);
                    if (matcher.matches()) {
                        names.add(matcher.group(1));
                    }
                }
            }
        });
        List<Binding> bindings = new ArrayList<>();
        for (String name : names) {
            String destination = environment.getProperty("spring.cloud.stream.bindings." + name + ".destination");
            String group = environment.getProperty("spring.cloud.stream.bindings." + name + ".group");
            if (destination != null && group != null) {
                bindings.add(new Binding(name, destination, group,
                        environment.getProperty("spring.cloud.stream.bindings." + name + ".consumer.batch-mode", Boolean.class, false)));
            }
        }
        return new ConsumerBindings(bindings);
    }

    public List<Binding> all() {
        return bindings;
    }

    /** The binding that reads the topic in the group. */
    public Optional<Binding> of(String topic, String group) {
        return bindings.stream().filter(b -> b.destination().equals(topic) && b.group().equals(group)).findFirst();
    }
}
