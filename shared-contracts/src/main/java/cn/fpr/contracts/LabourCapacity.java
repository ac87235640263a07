package cn.fpr.contracts;

/** Labour capacity of a household member, as recorded in the registry. */
public enum LabourCapacity {
    /** 普通勞動力 */ FULL,
    /** 弱勞動力或半勞動力 */ WEAK_OR_HALF,
    /** 喪失勞動力 */ LOST,
    /** 無勞動力 (children, students, the very old) */ NONE;

    public boolean canWork() {
        return this == FULL || this == WEAK_OR_HALF;
    }
}
