package cn.fpr.monitoring.household.model;

/** Relation of a member to the head of household. */
public enum Relation {
    HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, OTHER
}
