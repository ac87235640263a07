package cn.fpr.platform.security;

/**
 * The region a caller may act in, by administrative division code: {@code 000000} the whole
 * country, {@code 520000} a province, {@code 520100} a city (prefecture), {@code 520526} a county,
 * nine digits a township, twelve a village. A jurisdiction covers its own code and every code
 * below it.
 */
public record Jurisdiction(String code) {

    public static final Jurisdiction COUNTRY = new Jurisdiction("000000");

    public Jurisdiction {
        if (code == null || !code.matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw new IllegalArgumentException("a region is a 6-, 9- or 12-digit division code, not " + code);
        }
    }

    /** Whether a region (a code of any level) lies within this jurisdiction; the whole country also covers an unknown one. */
    public boolean covers(String region) {
        if (region == null) {
            return prefix().isEmpty();
        }
        return region.startsWith(prefix());
    }

    /**
     * Whether a region and this jurisdiction share ground: one lies within the other. A county
     * shares ground with its province's pairing, and a province with each of its counties'.
     */
    public boolean overlaps(String region) {
        return covers(region) || region != null && code.startsWith(prefixOf(region));
    }

    /** The digits every code within it starts with. */
    public String prefix() {
        return prefixOf(code);
    }

    private static String prefixOf(String code) {
        if (code.length() > 6) {
            return code;
        }
        if (code.equals("000000")) {
            return "";
        }
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }
}
