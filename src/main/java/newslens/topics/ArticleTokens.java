package newslens.topics;

import java.io.Serializable;
import java.util.List;
import newslens.text.WordSegmenter;

/**
 * The tokens an article gives the topic model: its words (segmented, stop words dropped) and,
 * when {@code entityTokens} is set, the entity id of each of its mentions, so that {@code "Putin"}
 * and {@code "V.Putin"} count as one token.
 */
public record ArticleTokens(WordSegmenter segmenter, StopWords stopWords, boolean entityTokens)
        implements Serializable {

    public List<String> of(String text, List<String> entities) {
        List<String> tokens = stopWords.content(segmenter.words(text));
        if (entityTokens) {
            tokens.addAll(entities);
        }
        return tokens;
    }
}
