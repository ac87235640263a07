package cn.fpr.cooperation.pairing.model;

import java.util.List;

/**
 * The east–west province pairings in force from 2021 [N]: 8 eastern provinces paired with 10
 * western ones. Shandong helps Chongqing and, in Gansu, Longnan, Dingxi and Linxia; Tianjin helps
 * the rest of Gansu.
 */
public final class ProvincePairings {

    /** A province pairing: eastern and western province codes, and the part of the west it covers when not all. */
    public record ProvincePairing(String pairingId, String eastCode, String eastName, String westCode, String westName,
                                  String scope) {
    }

    public static final List<ProvincePairing> FROM_2021 = List.of(
            pairing("110000", "Beijing", "150000", "Inner Mongolia", null),
            pairing("120000", "Tianjin", "620000", "Gansu", "Gansu except Longnan, Dingxi and Linxia"),
            pairing("310000", "Shanghai", "530000", "Yunnan", null),
            pairing("320000", "Jiangsu", "610000", "Shaanxi", null),
            pairing("320000", "Jiangsu", "630000", "Qinghai", null),
            pairing("330000", "Zhejiang", "510000", "Sichuan", null),
            pairing("350000", "Fujian", "640000", "Ningxia", null),
            pairing("370000", "Shandong", "500000", "Chongqing", null),
            pairing("370000", "Shandong", "620000", "Gansu", "Longnan, Dingxi and Linxia"),
            pairing("440000", "Guangdong", "450000", "Guangxi", null),
            pairing("440000", "Guangdong", "520000", "Guizhou", null));

    /** Pairing IDs are the two provinces' two-digit codes: {@code pair-44-52}. */
    public static String idOf(String eastCode, String westCode) {
        return "pair-" + eastCode.substring(0, 2) + "-" + westCode.substring(0, 2);
    }

    private static ProvincePairing pairing(String east, String eastName, String west, String westName, String scope) {
        return new ProvincePairing(idOf(east, west), east, eastName, west, westName, scope);
    }

    private ProvincePairings() {
    }
}
