package newslens.entities.rules;

import static newslens.entities.rules.RuleProbe.proposal;
import static newslens.entities.rules.RuleProbe.spanAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import newslens.entities.Mention;
import org.junit.jupiter.api.Test;

class KnowledgeBaseNameRuleTest {

    private static final ProposalRule RULE = new KnowledgeBaseNameRule(RuleProbe.PREDICATES);

    @Test
    void aKnownNameIsLinkedToItsEntity() {
        Candidate c = proposal(RULE, "Chiều nay đoàn khách sẽ tới Đà Nẵng bằng tàu hỏa.", "Đà");
        assertEquals("Đà Nẵng", c.canonicalName());
        assertEquals(Mention.KB, c.method());
        assertEquals(Confidence.KB_UNAMBIGUOUS, c.confidence());
        assertEquals(2, c.length());
    }

    @Test
    void theLongestAliasWins() {
        assertEquals("Bộ Công Thương/ORG",
                spanAt(RULE, "Năm nay Bộ Công Thương mở thêm hai hội chợ.", "Bộ"));
    }

    @Test
    void anAmbiguousAliasStandingAloneIsTakenWithLessConfidence() {
        Candidate c = proposal(RULE, "Hai nước Việt Nam và Nga vừa ký thêm ba hiệp định.", "Nga");
        assertEquals("Nga", c.canonicalName());
        assertEquals(Confidence.KB_AMBIGUOUS, c.confidence());
    }

    @Test
    void aCountryOpeningAKnownWordIsThatWord() {
        assertNull(spanAt(RULE, "Ý kiến của bà được cả lớp đồng tình.", "Ý"));
        assertNull(spanAt(RULE, "Buổi diễn có phần thi Áo dài rất đẹp.", "Áo"));
        assertEquals("Ý/LOC", spanAt(RULE, "Năm sau cô sang Ý học thiết kế.", "Ý"));
        assertEquals("Anh quốc/LOC", spanAt(RULE, "Năm sau cô sang Anh quốc du học.", "Anh"));
    }

    @Test
    void aCommonWordAloneInBracketsIsTheName() {
        assertEquals("Anh/LOC", spanAt(RULE, "Ông từng học tại Trường ĐH Exeter (Anh) hai năm.", "Anh"));
    }

    @Test
    void anAmbiguousAliasInsideAnUnknownNameIsLeftToTheRun() {
        assertNull(spanAt(RULE, "Sáng nay em Lê Thị Nga được nhận học bổng.", "Nga"));
        assertNull(spanAt(RULE, "Buổi tối, ca sĩ Nhật Linh hát ba bài.", "Nhật"));
    }
}
