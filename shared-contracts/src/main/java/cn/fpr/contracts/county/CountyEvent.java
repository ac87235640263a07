package cn.fpr.contracts.county;

import cn.fpr.contracts.DomainEvent;

/** Events on {@link cn.fpr.contracts.Topics#COUNTY}, keyed by county code. */
public sealed interface CountyEvent extends DomainEvent permits IndustryShareShortfall {

    String countyCode();

    @Override
    default String subject() {
        return countyCode();
    }
}
