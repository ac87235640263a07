package cn.fpr.industry.microcredit.model;

/** What a microloan is for: production only; weddings, house building and consumption are not lent for [N]. */
public enum LoanPurpose {
    PLANTING, BREEDING, PROCESSING, TRADE, RURAL_TOURISM, HANDICRAFT,
    /** not lent for */ WEDDING,
    /** not lent for */ HOUSE_BUILDING,
    /** not lent for */ CONSUMPTION;

    public boolean production() {
        return this != WEDDING && this != HOUSE_BUILDING && this != CONSUMPTION;
    }
}
