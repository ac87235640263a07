package cn.fpr.contracts;

/** The three monitored categories. */
public enum HouseholdCategory {
    /** 脫貧不穩定戶: left poverty, still unstable */ UNSTABLE_LIFTED,
    /** 邊緣易致貧戶: near the edge, never registered as poor */ MARGINAL,
    /** 突發嚴重困難戶: sudden severe hardship */ SUDDEN_HARDSHIP
}
