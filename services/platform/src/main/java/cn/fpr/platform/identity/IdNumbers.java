package cn.fpr.platform.identity;

import java.util.regex.Pattern;

/**
 * Resident identity numbers (GB 11643-1999, 18 characters): validation with the check character,
 * the birth year they carry, and the masked form shown to people. The clear value is never
 * stored, logged or published: keep {@link IdNumberHasher#hash} for lookup and {@link #mask} for display.
 */
public final class IdNumbers {

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    /** Whether the text is an 18-character ID number with a correct check character. */
    public static boolean isValid(String idNumber) {
        return idNumber != null && SHAPE.matcher(idNumber).matches()
                && checkCharacter(idNumber.substring(0, 17)) == idNumber.charAt(17);
    }

    /** The first 17 digits completed with their check character (for synthetic data). */
    public static String withCheckCharacter(String first17) {
        if (first17 == null || !first17.matches("\\d{17}")) {
            throw new IllegalArgumentException("17 digits expected");
        }
        return first17 + checkCharacter(first17);
    }

    public static int birthYear(String idNumber) {
        requireValid(idNumber);
        return Integer.parseInt(idNumber.substring(6, 10));
    }

    /** Region digits and the last four kept, the birth date hidden: {@code 520526********123X}. */
    public static String mask(String idNumber) {
        requireValid(idNumber);
        return idNumber.substring(0, 6) + "********" + idNumber.substring(14);
    }

    private static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static void requireValid(String idNumber) {
        if (!isValid(idNumber)) {
            throw new IllegalArgumentException("not a valid resident ID number");
        }
    }

    private IdNumbers() {
    }
}
