package newslens.entities.learned;

import newslens.entities.Mention;
import java.io.Serializable;
import java.util.List;

/**
 * One sentence of an article as the learned recogniser sees it.
 *
 * @param index  the sentence's index in the article ({@link newslens.text.SentenceSplitter}, as in {@link Mention})
 * @param start  offset of its first char in the article text
 * @param end    offset after its last char
 * @param tokens its tokens, never empty
 */
record NerSentence(int index, int start, int end, List<NerToken> tokens) implements Serializable {

    NerSentence {
        tokens = List.copyOf(tokens);
    }
}
