package cn.fpr.consultation.household;

import cn.fpr.contracts.HouseholdCategory;
import cn.fpr.contracts.RiskType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Consultation's own projection of a household's monitoring status, built from household events. */
@Document("household_status")
public record HouseholdStatusView(@Id String householdId, @Indexed String provinceCode, @Indexed String countyCode,
                                  @Indexed String townshipCode,
                                  String status, HouseholdCategory category, List<RiskType> riskTypes,
                                  BigDecimal perCapitaNetIncomeYuan, LocalDate flaggedOn, LocalDate eliminatedOn) {

    public static final String MONITORED = "MONITORED";
    public static final String RISK_ELIMINATED = "RISK_ELIMINATED";
}
