package cn.fpr.cooperation.agreement;

import cn.fpr.cooperation.agreement.model.Grade;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code fpr.cooperation.assessment}: the criteria of the yearly grade [P/D]. */
@ConfigurationProperties("fpr.cooperation")
public record AgreementProperties(Grade.Criteria assessment) {

    public AgreementProperties {
        assessment = assessment == null ? Grade.Criteria.standard() : assessment;
    }
}
