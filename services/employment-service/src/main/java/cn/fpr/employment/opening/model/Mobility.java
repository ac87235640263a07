package cn.fpr.employment.opening.model;

/** How far a job seeker is willing to go for work, and how far an opening is from a seeker's home. */
public enum Mobility {
    /** in the home county */ LOCAL,
    /** elsewhere in the home province */ IN_PROVINCE,
    /** in another province (labour cooperation, 勞務協作) */ CROSS_PROVINCE;

    public static Mobility between(String homeCountyCode, String workCountyCode) {
        if (homeCountyCode.equals(workCountyCode)) {
            return LOCAL;
        }
        return homeCountyCode.substring(0, 2).equals(workCountyCode.substring(0, 2)) ? IN_PROVINCE : CROSS_PROVINCE;
    }

    /** Whether someone willing to go this far accepts work that far. */
    public boolean accepts(Mobility distance) {
        return distance.ordinal() <= ordinal();
    }
}
