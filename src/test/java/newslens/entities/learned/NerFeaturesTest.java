package newslens.entities.learned;

import newslens.entities.kb.KnowledgeBase;
import newslens.entities.Mention;
import newslens.entities.eval.NerEvaluator;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import newslens.text.Token;
import newslens.text.Tokenizer;
import org.junit.jupiter.api.Test;

/** The tokens, feature tags and labels the learned recogniser trains on, on sentences written for this test. */
class NerFeaturesTest {

    private static final NerFeatures FEATURES = new NerFeatures(KnowledgeBase.load());
    private static final Tokenizer TOKENIZER = Tokenizer.standard();

    @Test
    void shapesTellCapitalsNumbersAndPunctuationApart() {
        assertEquals(List.of("Cap", "low", "Caps", "Mix", "Abbr", "Num", "Punct", "Cap"),
                TOKENIZER.tokenize("Hà nội ASEAN iPhone TP.HCM 2.018 , A").stream().map(NerFeatures::shape)
                        .toList());
    }

    @Test
    void goldSpansBecomeBioLabelsPerSentenceAndRulesBecomeFeatureTags() {
        String text = "Ông Nguyễn Văn An đến Hà Nội.\nBộ Y tế họp.";
        List<NerEvaluator.Span> gold = List.of(span(text, "Nguyễn Văn An", "PER"), span(text, "Hà Nội", "LOC"),
                span(text, "Bộ Y tế", "ORG"));
        List<NerSentence> sentences = FEATURES.labelled(text, gold);

        assertEquals(2, sentences.size());
        assertEquals(List.of(0, 1), sentences.stream().map(NerSentence::index).toList());
        NerSentence first = sentences.get(0);
        assertEquals(List.of("Ông", "Nguyễn", "Văn", "An", "đến", "Hà", "Nội", "."),
                first.tokens().stream().map(NerToken::text).toList());
        assertEquals(List.of("O", "B-PER", "I-PER", "I-PER", "O", "B-LOC", "I-LOC", "O"),
                first.tokens().stream().map(NerToken::label).toList());
        assertEquals(List.of("Cap^|O", "Cap|B-PER", "Cap|I-PER", "Cap|I-PER", "low|O", "Cap|B-LOC", "Cap|I-LOC",
                "Punct|O"), first.tokens().stream().map(NerToken::feature).toList());
        assertEquals(List.of("B-ORG", "I-ORG", "I-ORG", "O", "O"),
                sentences.get(1).tokens().stream().map(NerToken::label).toList());
        NerToken ha = first.tokens().get(5);
        assertEquals("Hà", text.substring(ha.start(), ha.end()));
    }

    @Test
    void articlesToTagCarryTheRulesMentionsAndNoLabels() {
        NerFeatures.Prepared prepared = FEATURES.prepare("Ông Nguyễn Văn An đến Hà Nội.", null);
        assertEquals(List.of("Nguyễn Văn An", "Hà Nội"),
                prepared.ruleMentions().stream().map(Mention::surface).toList());
        assertEquals(null, prepared.sentences().get(0).tokens().get(0).label());
    }

    @Test
    void aSpanCoversEveryTokenItTouchesAndTheEarlierOfTwoOverlappingSpansWins() {
        List<Token> tokens = TOKENIZER.tokenize("gặp V.Putin ở Điện Kremlin hôm nay");
        String[] tags = NerFeatures.bio(tokens, List.of(new NerEvaluator.Span(6, 11, "PER"),
                new NerEvaluator.Span(14, 26, "LOC"), new NerEvaluator.Span(19, 33, "ORG")));
        assertArrayEquals(new String[] {"O", "B-PER", "O", "B-LOC", "I-LOC", "O", "O"}, tags);
    }

    @Test
    void aSentenceNeverOpensInsideARulesSpan() {
        String text = "Tên là Nguyễn\nVăn An thôi";
        List<NerSentence> sentences = FEATURES.labelled(text, List.of());
        assertEquals(List.of("Cap^|B-PER", "Cap|I-PER", "low|O"),
                sentences.get(1).tokens().stream().map(NerToken::feature).toList());
    }

    @Test
    void aCapitalisedWordTheArticleAlsoWritesInLowerCaseIsMarked() {
        String text = "Hôm ấy Chung về nhà chung, Xuân mừng.";
        assertEquals(List.of("Cap^|O", "low|O", "Cap~|O", "low|O", "low|O", "low|O", "Punct|O", "Cap|O", "low|O",
                "Punct|O"), FEATURES.labelled(text, List.of()).get(0).tokens().stream().map(NerToken::feature)
                .toList());
    }

    @Test
    void unlabelledTextGivesLowerCasedWordsForTheWordVectors() {
        assertEquals(List.of("hà", "nội", "mở", "cửa", "."), FEATURES.words("Hà Nội  mở cửa."));
    }

    private static NerEvaluator.Span span(String text, String surface, String type) {
        int start = text.indexOf(surface);
        return new NerEvaluator.Span(start, start + surface.length(), type);
    }
}
