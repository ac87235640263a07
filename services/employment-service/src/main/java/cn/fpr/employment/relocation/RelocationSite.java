package cn.fpr.employment.relocation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A centralised relocation site (易地扶貧搬遷集中安置點). */
@Document("relocation_sites")
public record RelocationSite(@Id String siteId, String name, String countyCode) {
}
