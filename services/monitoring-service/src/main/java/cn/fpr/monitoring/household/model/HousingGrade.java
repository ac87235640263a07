package cn.fpr.monitoring.household.model;

/** Housing safety appraisal grade; C and D are unsafe (危房). */
public enum HousingGrade {
    A, B, C, D;

    public boolean safe() {
        return this == A || this == B;
    }
}
