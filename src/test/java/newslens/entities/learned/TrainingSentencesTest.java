package newslens.entities.learned;

import newslens.entities.kb.KnowledgeBase;
import newslens.entities.eval.NerEvaluator;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which labelled sentences the CRF trains on. */
class TrainingSentencesTest {

    private static final NerFeatures FEATURES = new NerFeatures(KnowledgeBase.load());

    @Test
    void sentencesWithNothingButAnOpeningCapitalAreLeftOut() {
        String text = "Hôm nay trời mưa.\nSau đó anh Hùng về quê.\nChiều nay họp ở Hà Nội.\nmọi người đi chợ.\n"
                + "Khi đó đoàn đến sân bay.";
        List<NerSentence> sentences = FEATURES.labelled(text,
                List.of(new NerEvaluator.Span(text.indexOf("sân bay"), text.indexOf("sân bay") + 7, "LOC")));
        assertEquals(List.of(1, 2, 4), TrainingSentences.withNames(sentences).stream().map(NerSentence::index)
                .toList(), "a capitalised name, a rules tag, a gold span");
    }
}
