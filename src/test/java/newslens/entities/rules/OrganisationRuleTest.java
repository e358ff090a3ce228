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
    void aCapitalOpeningAKnownWordTakesTheWordsOtherSyllables() {
        // "cần" alone is a grammatical word ("need"), which a name never takes; here it ends "Hậu cần".
        assertEquals("Cục Hậu cần/ORG", spanAt(RULE, "Năm nay Cục Hậu cần mua thêm xe.", "Cục"));
    }

    @Test
    void aNameStopsBeforeAKnownWordTheSentenceGoesOnWith() {
        assertEquals("Báo Thanh Niên/ORG", spanAt(RULE, "Sáng nay Báo Thanh Niên tổ chức giải chạy.", "Báo"));
        assertEquals("Đại sứ quán Thụy Điển/ORG",
                spanAt(RULE, "Đại sứ quán Thụy Điển nghiên cứu đề xuất này.", "Đại"));
    }

    @Test
    void aLoneCapitalStillTakesItsSecondSyllable() {
        assertEquals("Ban Thường vụ Thành ủy/ORG", spanAt(RULE, "Chiều qua Ban Thường vụ Thành ủy họp bàn.", "Ban"));
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
    void aBodysNumberWrittenWithSoClosesItsName() {
        assertEquals("Đội CSGT số 2/ORG", spanAt(RULE, "Chiều qua Đội CSGT số 2 bắt giữ hai xe.", "Đội"));
        assertEquals("Đội Quản lý thị trường số 7/ORG",
                spanAt(RULE, "Sáng nay Đội Quản lý thị trường số 7 kiểm tra chợ.", "Đội"));
    }

    @Test
    void anAgeGroupOfAContinentIsItsChampionship() {
        assertEquals("U19 châu Á/MISC", spanAt(RULE, "Đội sẽ dự vòng loại U19 châu Á vào tháng sau.", "U19"));
    }

    @Test
    void aSurnameThatIsAlsoAHeadStartsAPerson() {
        assertNull(spanAt(RULE, "Tối qua anh Đoàn Văn Tâm đã về nhà.", "Đoàn"));
    }

    @Test
    void itYieldsToAKnownOrganisationFollowedOnlyByLowerCase() {
        Article a = RuleProbe.read("Hôm qua Bộ Công Thương cấm ba chợ bán hàng.");
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
