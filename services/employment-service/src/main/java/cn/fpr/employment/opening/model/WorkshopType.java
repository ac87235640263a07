package cn.fpr.employment.opening.model;

/** Kinds of assistance workshop (幫扶車間). */
public enum WorkshopType {
    FACTORY, HOME_BASED, FARMING, TRADE, TOURISM
}
