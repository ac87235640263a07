package cn.fpr.local;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** deploy/kafka/access.tsv, read: who may do what on the brokers. */
record KafkaAccessList(List<Grant> grants) {

    static final Path FILE = Path.of("deploy/kafka/access.tsv");

    /** One row: a user may do an operation on a topic or group, named exactly or by prefix. */
    record Grant(String user, String operation, String resource, String pattern, String name) {

        AclBinding binding() {
            return new AclBinding(new ResourcePattern(ResourceType.fromString(resource.toUpperCase(Locale.ROOT)), name,
                    PatternType.fromString(pattern.toUpperCase(Locale.ROOT))),
                    new AccessControlEntry("User:" + user, "*", AclOperation.fromString(operation.toUpperCase(Locale.ROOT)),
                            AclPermissionType.ALLOW));
        }
    }

    static KafkaAccessList read(Path root) throws IOException {
        return new KafkaAccessList(Files.readAllLines(root.resolve(FILE)).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t"))
                .map(cells -> {
                    if (cells.length != 5) {
                        throw new IllegalArgumentException("not five tab-separated cells: " + String.join("|", cells));
                    }
                    return new Grant(cells[0], cells[1], cells[2], cells[3], cells[4]);
                })
                .toList());
    }

    Set<String> users() {
        return grants.stream().map(Grant::user).collect(Collectors.toCollection(TreeSet::new));
    }

    Set<String> topics() {
        return grants.stream().filter(g -> g.resource().equals("topic")).map(Grant::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The names of the resources of a kind on which a user is granted an operation, as written. */
    Set<String> granted(String user, String operation, String resource) {
        return grants.stream().filter(g -> g.user().equals(user) && g.operation().equals(operation) && g.resource().equals(resource))
                .map(Grant::name).collect(Collectors.toCollection(TreeSet::new));
    }
}
