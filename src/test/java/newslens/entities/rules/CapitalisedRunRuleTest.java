package newslens.entities.rules;

import static newslens.entities.rules.RuleProbe.proposal;
import static newslens.entities.rules.RuleProbe.spanAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import newslens.entities.rules.Candidate.Support;
import org.junit.jupiter.api.Test;

class CapitalisedRunRuleTest {

    private static final ProposalRule RULE = new CapitalisedRunRule(RuleProbe.PREDICATES);

    private static void assertProposal(String expectedSpan, double confidence, Support support, String text,
                                       String word) {
        assertEquals(expectedSpan, spanAt(RULE, text, word));
        Candidate c = proposal(RULE, text, word);
        assertEquals(confidence, c.confidence(), expectedSpan);
        assertEquals(support, c.support(), expectedSpan);
    }

    @Test
    void aTitleSaysPerson() {
        assertProposal("Trương Minh Khoa/PER", Confidence.PERSON_AFTER_TITLE, Support.STRONG,
                "Sáng nay ông Trương Minh Khoa phát biểu khai mạc.", "Trương");
    }

    @Test
    void aSurnameSaysPerson() {
        assertProposal("Trương Minh Khoa/PER", Confidence.PERSON_WITH_SURNAME, Support.STRONG,
                "Cuối buổi, Trương Minh Khoa ra về sớm.", "Trương");
    }

    @Test
    void aForeignOrganisationWordSaysOrganisation() {
        assertProposal("Kenton Rovers/ORG", Confidence.ORGANISATION_WORD_IN_RUN, Support.STRONG,
                "Tối qua, Kenton Rovers thua hai bàn.", "Kenton");
    }

    @Test
    void aForeignGivenNameSaysPerson() {
        assertProposal("Mark Dellow/PER", Confidence.PERSON_FOREIGN_GIVEN_NAME, Support.STRONG,
                "Theo lời kể, Mark Dellow đã đến từ sớm.", "Mark");
    }

    @Test
    void innerCapitalsSayBrand() {
        assertProposal("MekoPay/ORG", Confidence.ORGANISATION_CAMEL_CASE, Support.STRONG,
                "Số khách hàng của MekoPay tăng nhanh.", "MekoPay");
    }

    @Test
    void aLocationCueSaysPlaceByShapeOnly() {
        assertProposal("Nà Phặc/LOC", Confidence.LOCATION_AFTER_CUE, Support.SHAPE,
                "Họ nghỉ đêm tại Nà Phặc rồi đi tiếp.", "Nà");
    }

    @Test
    void anAcronymIsAnOrganisationStrongerWithItsCountry() {
        assertProposal("HKTD Việt Nam/ORG", Confidence.ACRONYM_OF_PLACE, Support.STRONG,
                "Năm nay HKTD Việt Nam có thêm hội viên.", "HKTD");
        assertProposal("VKTQ/ORG", Confidence.ACRONYM_ALONE, Support.SHAPE,
                "Hồ sơ được gửi cho VKTQ trong tuần.", "VKTQ");
    }

    @Test
    void aForeignWordThatSpeaksIsAPerson() {
        assertProposal("Brakowski/PER", Confidence.PERSON_SPEAKING, Support.STRONG,
                "Sau trận, Brakowski nói rằng cả đội đã cố gắng.", "Brakowski");
    }

    @Test
    void givenNamesAloneAreAPersonByShape() {
        assertProposal("Thu Trang/PER", Confidence.PERSON_GIVEN_NAMES_ONLY, Support.SHAPE,
                "Sau đó, Thu Trang về quê ăn Tết.", "Thu");
    }

    @Test
    void aNameBeforeItsCountryIsThatCountrysOrganisation() {
        assertProposal("Fortelix Việt Nam/ORG", Confidence.ORGANISATION_OF_PLACE, Support.STRONG,
                "Năm nay, Fortelix Việt Nam mở thêm nhà máy.", "Fortelix");
    }

    @Test
    void otherRunsHaveOnlyTheirCapitals() {
        assertProposal("Quartz Horizon/PER", Confidence.CAPITALS_ONLY, Support.CAPITALS,
                "Năm nay, Quartz Horizon ra mắt bản mới.", "Quartz");
    }

    @Test
    void aCommonWordOpeningASentenceIsNoName() {
        assertNull(spanAt(RULE, "Hôm nay trời đẹp, hôm qua trời mưa.", "Hôm"));
    }
}
