package newslens.entities.rules;

import static newslens.entities.rules.RuleProbe.proposal;
import static newslens.entities.rules.RuleProbe.spanAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class UnitLocationRuleTest {

    private static final ProposalRule RULE = new UnitLocationRule(RuleProbe.PREDICATES);

    @Test
    void theUnitIsInTheSpanAndTheKnownNameGivesTheEntity() {
        String text = "Bão số 5 gây mưa to ở tỉnh Quảng Nam suốt đêm.";
        Candidate c = proposal(RULE, text, "tỉnh");
        assertEquals("tỉnh Quảng Nam/LOC", spanAt(RULE, text, "tỉnh"));
        assertEquals(c.first() + 1, c.nameFirst());
        assertEquals("Quảng Nam", c.canonicalName());
        assertEquals(Confidence.UNIT_AND_NAME, c.confidence());
    }

    @Test
    void anUnknownNameAfterAUnitIsStillAPlace() {
        Candidate c = proposal(RULE, "Nước lũ đã vào thôn Khe Dàng từ sáng.", "thôn");
        assertEquals("Khe Dàng", c.canonicalName());
        assertEquals(2, c.last() - c.nameFirst());
    }

    @Test
    void aRoadNumberIsItsName() {
        assertEquals("quốc lộ 14B/LOC", spanAt(RULE, "Xe khách lật trên quốc lộ 14B tối qua.", "quốc"));
    }

    @Test
    void theUnitWordClosingACommonWordIsNoUnit() {
        assertNull(spanAt(RULE, "Hợp tác xã 2012 có 40 thành viên.", "xã"));
    }

    @Test
    void noNameNoPlace() {
        assertNull(spanAt(RULE, "Anh ấy về huyện từ tối qua.", "huyện"));
    }

    @Test
    void namesListedAfterAUnitsNameSharePlaces() {
        assertEquals("Nga Sơn/LOC", spanAt(RULE, "Lễ hội có ở các huyện Hoằng Hóa, Nga Sơn và Hậu Lộc.", "Nga"));
        assertEquals("Hậu Lộc/LOC", spanAt(RULE, "Lễ hội có ở các huyện Hoằng Hóa, Nga Sơn và Hậu Lộc.", "Hậu"));
        assertEquals("Lê Thái Tổ/LOC", spanAt(RULE, "Hàng sấu ở phố Bà Triệu và Lê Thái Tổ đã vàng lá.", "Lê"));
        assertEquals("Yên Sơn/LOC", spanAt(RULE, "Mưa lớn ở các huyện: Chiêm Hóa, Yên Sơn, Hàm Yên.", "Yên"));
        assertEquals("phố Lê Thái Tổ",
                proposal(RULE, "Hàng sấu ở phố Bà Triệu và Lê Thái Tổ đã vàng lá.", "Lê").canonicalName());
    }

    @Test
    void aClauseSubjectAfterAPlaceIsNoListedPlace() {
        assertNull(spanAt(RULE, "Tại huyện Nga Sơn, Nguyễn Văn Hùng bị bắt quả tang.", "Nguyễn"));
        assertNull(spanAt(RULE, "Bà Hoa và Lê Văn Tám cùng về quê.", "Lê"));
    }
}
