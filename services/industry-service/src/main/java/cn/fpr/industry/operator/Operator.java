package cn.fpr.industry.operator;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A business that runs assistance projects and links farmers: a leading enterprise, a cooperative or a family farm. */
@Document("operators")
public record Operator(@Id String operatorId, String name, Kind kind, String countyCode) {

    /** Kinds of operating entity (經營主體). */
    public enum Kind {
        /** 龍頭企業 */ LEADING_ENTERPRISE,
        /** 農民專業合作社 */ COOPERATIVE,
        /** 家庭農場 */ FAMILY_FARM
    }
}
