package cn.fpr.contracts.household;

import java.util.regex.Pattern;

/**
 * The administrative level a region code names, and the field of a household's region it is
 * matched against: {@code 520000} a province, {@code 520526} a county, {@code 520526100} a township,
 * {@code 520526100201} a village.
 */
public enum RegionLevel {
    PROVINCE("provinceCode"),
    COUNTY("countyCode"),
    TOWNSHIP("townshipCode"),
    VILLAGE("villageCode");

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    private final String field;

    RegionLevel(String field) {
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The level of a code, or throws {@link IllegalArgumentException} for a code of no known shape. */
    public static RegionLevel of(String code) {
        if (code != null && SIX_DIGITS.matcher(code).matches()) {
            return code.endsWith("0000") ? PROVINCE : COUNTY;
        }
        if (code != null && NINE_DIGITS.matcher(code).matches()) {
            return TOWNSHIP;
        }
        if (code != null && TWELVE_DIGITS.matcher(code).matches()) {
            return VILLAGE;
        }
        throw new IllegalArgumentException("a region is a 6-digit province or county code, a 9-digit township code or a 12-digit village code");
    }
}
