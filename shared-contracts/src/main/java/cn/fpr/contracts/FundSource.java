package cn.fpr.contracts;

/** Where money for an assistance project comes from. */
public enum FundSource {
    /** 中央銜接推進鄉村振興補助資金 */ CENTRAL_CONNECTION_FUNDS,
    /** provincial and lower budgets */ PROVINCIAL,
    /** 東西部協作 fiscal aid */ EAST_WEST_AID,
    /** 定點幫扶 by central units */ DESIGNATED_ASSISTANCE,
    /** enterprises (萬企興萬村 and others) */ ENTERPRISE
}
