package newslens.entities.learned;

import newslens.entities.EntityType;
import newslens.entities.kb.KnowledgeBase;
import newslens.entities.Mention;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import newslens.text.SentenceSplitter;
import org.junit.jupiter.api.Test;

/** How learned spans and the rules' mentions of one article become its mentions. */
class LearnedSpanMergerTest {

    private static final LearnedSpanMerger MERGER = new LearnedSpanMerger(KnowledgeBase.load());

    @Test
    void aLearnedSpanTheRulesAlsoFoundKeepsTheRulesLink() {
        String text = "Ông Putin đến Hà Nội.";
        Mention rule = rule(text, "Hà Nội", "LOC", "loc:ha_noi", Mention.KB);
        List<Mention> merged = MERGER.merge(text, List.of(rule), List.of(learned(text, "Hà Nội", EntityType.LOC)));
        assertEquals(List.of(rule), merged);
    }

    @Test
    void aLearnedSpanThatIsAnAliasLinksToTheKnowledgeBase() {
        String text = "Ông Putin nói.";
        Mention merged = MERGER.merge(text, List.of(), List.of(learned(text, "Putin", EntityType.PER))).get(0);
        assertEquals(List.of(LearnedSpanMerger.LEARNED_KB, "per:vladimir_putin", "Vladimir Putin"),
                List.of(merged.method(), merged.entityId(), merged.canonicalName()));
        Mention otherType = MERGER.merge(text, List.of(), List.of(learned(text, "Putin", EntityType.ORG))).get(0);
        assertEquals(List.of(LearnedSpanMerger.LEARNED, "org:putin"), List.of(otherType.method(),
                otherType.entityId()), "an alias of an entity of another type is not that entity");
    }

    @Test
    void aNewNameGetsADerivedIdAndItsShortFormsTheFullNamesId() {
        String text = "Anh Dương Đình Bảo hát. Sau đó Đình Bảo về.";
        List<Mention> merged = MERGER.merge(text, List.of(), List.of(learned(text, "Dương Đình Bảo", EntityType.PER),
                learned(text, text.lastIndexOf("Đình Bảo"), "Đình Bảo", EntityType.PER)));
        assertEquals(List.of("Dương Đình Bảo/per:duong_dinh_bao/learned/0", "Đình Bảo/per:duong_dinh_bao/learned/1"),
                described(merged));
    }

    @Test
    void aKnownNameKeepsItsKnowledgeBaseTypeWhereTheModelGaveAnother() {
        String text = "Tuyển VN thắng ở Hà Nội.";
        Mention country = rule(text, "VN", "LOC", "loc:viet_nam", Mention.KB);
        Mention pattern = rule(text, "Hà Nội", "LOC", "loc:ha_noi", Mention.PATTERN);
        List<Mention> merged = MERGER.merge(text, List.of(country, pattern),
                List.of(learned(text, "VN", EntityType.ORG), learned(text, "Hà Nội", EntityType.ORG)));
        assertEquals(List.of("VN/loc:viet_nam/kb/0", "Hà Nội/org:ha_noi/learned/0"), described(merged),
                "only a knowledge-base mention overrides the model's type");
    }

    @Test
    void theModelsSpansDecideAndRuleMentionsItDidNotTagAreDropped() {
        String text = "Đại học Bách khoa Hà Nội gặp ông Nguyễn Văn An ở Huế.";
        Mention place = rule(text, "Hà Nội", "LOC", "loc:ha_noi", Mention.KB);
        Mention person = rule(text, "Nguyễn Văn An", "PER", "per:nguyen_van_an", Mention.PATTERN);
        Mention hue = rule(text, "Huế", "LOC", "loc:hue", Mention.KB);
        Mention role = new Mention(0, 0, 3, "Đại", "per:someone", "PER", Mention.KB_ROLE, 0.6, "Someone");
        List<Mention> merged = MERGER.merge(text, List.of(role, place, person, hue),
                List.of(learned(text, "Đại học Bách khoa Hà Nội", EntityType.ORG),
                        learned(text, "Nguyễn Văn An", EntityType.LOC)));
        assertEquals(List.of("Đại/per:someone/kb_role/0",
                "Đại học Bách khoa Hà Nội/org:dai_hoc_bach_khoa_ha_noi/learned/0",
                "Nguyễn Văn An/loc:nguyen_van_an/learned/0"), described(merged), "Huế is dropped, the role stays");
    }

    @Test
    void aNameFoundOnceIsFoundWhereverItIsRepeatedBare() {
        String text = "Gabby thắng. Tay vợt Gabby Nguyễn khác. Sau đó, Gabby nói. Ông Trần Văn Chung đến, Chung cười.";
        List<Mention> merged = MERGER.merge(text, List.of(), List.of(learned(text, "Gabby", EntityType.PER),
                learned(text, "Trần Văn Chung", EntityType.PER)));
        assertEquals(List.of("Gabby/per:gabby/learned/0", "Gabby/per:gabby/learned/2",
                        "Trần Văn Chung/per:tran_van_chung/learned/3", "Chung/per:tran_van_chung/coref/3"),
                described(merged), "not inside the longer name Gabby Nguyễn");
    }

    private static List<String> described(List<Mention> mentions) {
        return mentions.stream()
                .map(m -> m.surface() + "/" + m.entityId() + "/" + m.method() + "/" + m.sentence())
                .toList();
    }

    private static Mention rule(String text, String surface, String type, String id, String method) {
        int start = text.indexOf(surface);
        return new Mention(0, start, start + surface.length(), surface, id, type, method, 0.9, surface);
    }

    private static LearnedSpan learned(String text, String surface, EntityType type) {
        return learned(text, text.indexOf(surface), surface, type);
    }

    private static LearnedSpan learned(String text, int start, String surface, EntityType type) {
        List<SentenceSplitter.Sentence> sentences = SentenceSplitter.standard().split(text);
        int sentence = 0;
        while (sentences.get(sentence).end() <= start) {
            sentence++;
        }
        return new LearnedSpan(sentence, start, start + surface.length(), type);
    }
}
