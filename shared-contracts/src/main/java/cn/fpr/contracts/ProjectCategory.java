package cn.fpr.contracts;

/** Categories of the project database (項目庫). */
public enum ProjectCategory {
    INDUSTRY, INFRASTRUCTURE, EMPLOYMENT, PUBLIC_SERVICE, OTHER
}
