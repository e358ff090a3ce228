package newslens.entities.rules;

import static newslens.entities.rules.RuleProbe.proposal;
import static newslens.entities.rules.RuleProbe.spanAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class GroupNameRuleTest {

    private static final ProposalRule RULE = new GroupNameRule(RuleProbe.PREDICATES);

    @Test
    void aPeopleOrALanguageIsMisc() {
        assertEquals("người Nhật/MISC", spanAt(RULE, "Nhiều người Nhật đến đây câu cá.", "người"));
        assertEquals("tiếng Pháp/MISC", spanAt(RULE, "Cô dạy tiếng Pháp ở trường làng.", "tiếng"));
        assertEquals(Confidence.GROUP_AND_NAME,
                proposal(RULE, "Cô dạy tiếng Pháp ở trường làng.", "tiếng").confidence());
    }

    @Test
    void thePeopleAndTheLanguageOfOnePlaceAreDifferentEntities() {
        String people = proposal(RULE, "Nhiều người Pháp sống ở đây.", "người").entityId();
        String language = proposal(RULE, "Cô dạy tiếng Pháp ở đây.", "tiếng").entityId();
        assertNotEquals(people, language);
    }

    @Test
    void aLowerCaseWordAfterTheHeadIsNoName() {
        assertNull(spanAt(RULE, "Nhiều người nước ngoài đến đây câu cá.", "người"));
    }
}
