package newslens.entities.rules;

import static newslens.entities.rules.RuleProbe.proposal;
import static newslens.entities.rules.RuleProbe.spanAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CountryPairRuleTest {

    private static final ProposalRule RULE = new CountryPairRule(RuleProbe.PREDICATES);

    @Test
    void aShortFormBesideACountryAcrossADashIsThatCountry() {
        assertEquals("Trung/LOC", spanAt(RULE, "Căng thẳng thương mại Mỹ - Trung leo thang.", "Trung"));
        assertEquals("Trung Quốc", proposal(RULE, "Quan hệ Việt - Trung được coi trọng.", "Trung").canonicalName());
        assertEquals("Việt Nam", proposal(RULE, "Quan hệ Việt - Trung được coi trọng.", "Việt").canonicalName());
        assertEquals("Việt/LOC", spanAt(RULE, "Tuyến biên giới Việt-Lào dài hơn 2.000 km.", "Việt"));
        assertEquals("Việt/LOC", spanAt(RULE, "Hội hữu nghị Việt – Hàn Quốc vừa ra mắt.", "Việt"));
    }

    @Test
    void aShortFormWithoutACountryBesideItIsNone() {
        assertNull(spanAt(RULE, "Ba miền Bắc - Trung - Nam đều có thí sinh.", "Trung"));
        assertNull(spanAt(RULE, "Anh Việt - người bạn của tôi - đã về.", "Việt"));
        assertNull(spanAt(RULE, "Đội bóng miền Trung thắng trận.", "Trung"));
    }
}
