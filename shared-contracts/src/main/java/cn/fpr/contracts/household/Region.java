package cn.fpr.contracts.household;

/**
 * Administrative division codes of a household (GB/T 2260 style).
 *
 * @param provinceCode 6 digits, e.g. 520000
 * @param countyCode   6 digits, e.g. 520402
 * @param townshipCode 9 digits
 * @param villageCode  12 digits
 */
public record Region(String provinceCode, String countyCode, String townshipCode, String villageCode) {

    /** The most precise code known of the place: the village's, else the township's, county's or province's; null if none. */
    public String finest() {
        return villageCode != null ? villageCode : townshipCode != null ? townshipCode : countyCode != null ? countyCode : provinceCode;
    }
}
