package newslens.entities.rules;

import static newslens.entities.rules.RuleProbe.indexOf;
import static newslens.entities.rules.RuleProbe.spanAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import newslens.entities.Article;
import org.junit.jupiter.api.Test;

class OrganisationRuleTest {

    private static final ProposalRule RULE = new OrganisationRule(RuleProbe.PREDICATES);
    private static final ProposalRule KNOWN = new KnowledgeBaseNameRule(RuleProbe.PREDICATES);

    @Test
    void aHeadTakesItsNameWithLowerCaseSyllablesAndJoiners() {
        assertEquals("Bộ Giáo dục và Đào tạo/ORG",
                spanAt(RULE, "Tuần trước Bộ Giáo dục và Đào tạo gửi công văn mới.", "Bộ"));
        assertEquals(Confidence.ORGANISATION_PATTERN,
                RuleProbe.proposal(RULE, "Tuần trước Bộ Giáo dục và Đào tạo gửi công văn mới.", "Bộ").confidence());
    }

    @Test
    void aLocalBodyIsANameOnlyWithItsPlace() {
        assertEquals("Sở Y tế tỉnh Bình Định/ORG",
                spanAt(RULE, "Chiều qua Sở Y tế tỉnh Bình Định họp khẩn.", "Sở"));
        assertNull(spanAt(RULE, "Chiều qua Sở Y tế họp khẩn.", "Sở"));
    }

    @Test
    void aLowerCaseDescriptorStaysOutside() {
        assertEquals("Forbes/ORG", spanAt(RULE, "Số mới của tạp chí Forbes xếp ông đứng thứ ba.", "tạp"));
    }

    @Test
    void aHeadEndingACommonWordStartsNoName() {
        assertNull(spanAt(RULE, "Cơ quan dự báo Khí tượng đã cảnh báo.", "báo"));
    }

    @Test
    void anAgeGroupTeamIsAnOrganisation() {
        assertEquals("U19 Việt Nam/ORG", spanAt(RULE, "Tối qua U19 Việt Nam thắng đậm.", "U19"));
    }

    @Test
    void aSurnameThatIsAlsoAHeadStartsAPerson() {
        assertNull(spanAt(RULE, "Tối qua anh Đoàn Văn Tâm đã về nhà.", "Đoàn"));
    }

    @Test
    void itYieldsToAKnownOrganisationFollowedOnlyByLowerCase() {
        Article a = RuleProbe.read("Hôm qua Bộ Công Thương kiểm tra ba chợ.");
        int head = indexOf(a, "Bộ");
        Candidate own = RULE.proposeAt(a, head);
        Candidate known = KNOWN.proposeAt(a, head);
        assertTrue(own.length() > known.length(), "the pattern reads on into the verb");
        assertTrue(RULE.yieldsTo(a, own, known));
    }

    @Test
    void itDoesNotYieldWhenItsNameGoesOnWithCapitals() {
        Article a = RuleProbe.read("Hôm qua Bộ Công Thương Lào ký biên bản.");
        int head = indexOf(a, "Bộ");
        Candidate own = RULE.proposeAt(a, head);
        Candidate known = KNOWN.proposeAt(a, head);
        assertFalse(RULE.yieldsTo(a, own, known));
    }
}
