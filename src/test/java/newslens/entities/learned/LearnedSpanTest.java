package newslens.entities.learned;

import newslens.entities.EntityType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading spans off the model's labels. */
class LearnedSpanTest {

    @Test
    void aBeginAndTheInsidesThatFollowItAreASpan() {
        assertEquals(List.of(new LearnedSpan(0, 0, 7, EntityType.PER), new LearnedSpan(0, 12, 15, EntityType.LOC)),
                LearnedSpan.decode(tokens(0, "B-PER", "I-PER", "O", "B-LOC")));
    }

    @Test
    void aSpanEndsWhereTheTypeOrTheSentenceChangesOrAnotherBegins() {
        List<LearnedSpan.TaggedToken> tokens = new ArrayList<>(tokens(0, "B-ORG", "I-LOC", "B-PER", "B-PER"));
        tokens.add(new LearnedSpan.TaggedToken(1, 16, 19, "I-PER"));
        assertEquals(List.of(new LearnedSpan(0, 0, 3, EntityType.ORG), new LearnedSpan(0, 4, 7, EntityType.LOC),
                        new LearnedSpan(0, 8, 11, EntityType.PER), new LearnedSpan(0, 12, 15, EntityType.PER),
                        new LearnedSpan(1, 16, 19, EntityType.PER)),
                LearnedSpan.decode(tokens), "an I- that continues nothing opens a span");
    }

    @Test
    void typesNewslensDoesNotKnowAreSkipped() {
        assertEquals(List.of(new LearnedSpan(0, 8, 11, EntityType.MISC)),
                LearnedSpan.decode(tokens(0, "B-DATE", "I-DATE", "B-MISC")));
    }

    /** Tokens of three chars one space apart: token i spans [4i, 4i+3). */
    private static List<LearnedSpan.TaggedToken> tokens(int sentence, String... labels) {
        List<LearnedSpan.TaggedToken> tokens = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            tokens.add(new LearnedSpan.TaggedToken(sentence, 4 * i, 4 * i + 3, labels[i]));
        }
        return tokens;
    }
}
