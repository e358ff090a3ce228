package newslens.entities.learned;

import java.io.Serializable;

/**
 * One token as the learned recogniser sees it.
 *
 * @param start   offset of its first char in the article text
 * @param end     offset after its last char
 * @param text    the token's characters
 * @param feature the tag that fills Spark NLP's part-of-speech column: the token's shape and the tag the rules gave
 *                it ({@code Cap|B-PER}), see {@link NerFeatures}
 * @param label   its gold BIO tag ({@code B-LOC}, {@code I-LOC}, {@code O}); null when the article is not annotated
 */
record NerToken(int start, int end, String text, String feature, String label) implements Serializable {
}
