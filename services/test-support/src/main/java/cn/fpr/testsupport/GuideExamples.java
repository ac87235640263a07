package cn.fpr.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The example files of the user guides ({@code docs/examples/<guide>/}), read by the tests that
 * send them as they stand, so that a guide cannot drift from the code. Tests run in their module's
 * directory, two levels below the repository's.
 */
public final class GuideExamples {

    private static final Path EXAMPLES = Path.of("../../docs/examples");

    private GuideExamples() {
    }

    /** The example {@code name} of the guide's directory {@code guide}, as text. */
    public static String read(String guide, String name) {
        try {
            return Files.readString(EXAMPLES.resolve(guide).resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the guide's example " + guide + "/" + name + " is missing", e);
        }
    }
}
