package newslens.entities.learned;

import java.util.List;
import java.util.Set;

/**
 * Chooses the sentences the CRF trains on: those with something to learn, a gold span, a rules tag or a
 * capitalised word after the first. The others, all lower case but for the opening word, are about a fifth of
 * news text; the model tags them O from their words alone, and the CRF's time and memory grow with every token.
 */
final class TrainingSentences {

    private static final Set<String> NAME_SHAPES = Set.of("Cap", "Caps", "Mix", "Abbr");

    private TrainingSentences() {
    }

    static List<NerSentence> withNames(List<NerSentence> sentences) {
        return sentences.stream().filter(TrainingSentences::hasNames).toList();
    }

    private static boolean hasNames(NerSentence sentence) {
        List<NerToken> tokens = sentence.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            String[] shapeAndRuleTag = tokens.get(i).feature().split("\\|", 2);
            if (!NerFeatures.OUTSIDE.equals(tokens.get(i).label()) || !NerFeatures.OUTSIDE.equals(shapeAndRuleTag[1])
                    || (i > 0 && NAME_SHAPES.contains(shapeAndRuleTag[0].replaceAll("[\\^~]", "")))) {
                return true;
            }
        }
        return false;
    }
}
