package cn.fpr.employment.indicator.model;

import cn.fpr.contracts.OpeningKind;

/** The channels through which people lifted from poverty are in work, for the indicators. */
public enum Channel {
    /** enterprise jobs in the home province */ LOCAL,
    /** 幫扶車間 */ WORKSHOP,
    /** 鄉村公益崗位 */ PUBLIC_WELFARE_POST,
    /** 以工代賑 */ WORK_FOR_RELIEF,
    /** work in another province: east–west and other labour cooperation */ CROSS_PROVINCE;

    public static Channel of(OpeningKind kind, boolean crossRegion) {
        if (crossRegion) {
            return CROSS_PROVINCE;
        }
        return switch (kind) {
            case ASSISTANCE_WORKSHOP -> WORKSHOP;
            case PUBLIC_WELFARE_POST -> PUBLIC_WELFARE_POST;
            case WORK_FOR_RELIEF -> WORK_FOR_RELIEF;
            case ENTERPRISE, EAST_WEST_LABOUR_OFFER -> LOCAL;
        };
    }
}
