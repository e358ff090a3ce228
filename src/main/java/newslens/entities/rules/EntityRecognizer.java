package newslens.entities.rules;

import newslens.entities.Article;
import newslens.entities.kb.KnowledgeBase;
import newslens.entities.Mention;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import newslens.text.SentenceSplitter;
import newslens.text.Token;

/**
 * Finds and links the people, places and organisations of one article. Build once (per executor: it is
 * {@link Serializable} and holds only immutable data) and call {@link #recognize} per article; the text is
 * expected in NFC.
 */
public final class EntityRecognizer implements Serializable {

    private static final long serialVersionUID = 1L;

    private final KnowledgeBase kb;
    private final SentenceSplitter splitter;
    private final NameSpotter spotter;
    private final ArticleLinker linker;

    public EntityRecognizer(KnowledgeBase kb) {
        this.kb = kb;
        this.splitter = new SentenceSplitter(kb.tokenizer());
        this.spotter = new NameSpotter(kb);
        this.linker = new ArticleLinker(kb);
    }

    /** A recogniser over the shipped knowledge base. */
    public static EntityRecognizer standard() {
        return new EntityRecognizer(KnowledgeBase.load());
    }

    /**
     * @param text            the article, NFC
     * @param publicationDate when it was published; null disables resolving office titles to their holders
     * @return mentions ordered by start offset; only {@code kb_role} mentions may overlap others
     */
    public List<Mention> recognize(String text, LocalDate publicationDate) {
        return recognize(read(text), publicationDate);
    }

    /** The article as the recogniser reads it: its tokens and sentences. */
    public Article read(String text) {
        return Article.read(text, kb.tokenizer(), splitter);
    }

    /** {@link #recognize(String, LocalDate)} of an article already read with {@link #read}. */
    public List<Mention> recognize(Article article, LocalDate publicationDate) {
        String text = article.text();
        List<Token> tokens = article.tokens();
        List<Candidate> names = linker.link(article, spotter.spot(article));
        List<Candidate> all = new ArrayList<>(names);
        all.addAll(linker.roles(article, names, publicationDate));
        List<Mention> mentions = new ArrayList<>(all.size());
        for (Candidate c : all) {
            int start = tokens.get(c.first()).start();
            int end = withInitialsDot(tokens, c.last());
            mentions.add(new Mention(article.sentenceOf()[c.first()], start, end, text.substring(start, end),
                    c.entityId(), c.type().name(), c.method(), c.confidence(), c.canonicalName()));
        }
        mentions.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
        return mentions;
    }

    /** {@code anh L.}: a name ending in an initial keeps the initial's dot, which the tokenizer split off. */
    private static int withInitialsDot(List<Token> tokens, int last) {
        Token lastToken = tokens.get(last - 1);
        boolean initial = lastToken.isInitial();
        boolean dotNext = last < tokens.size() && tokens.get(last).text().equals(".")
                && tokens.get(last).start() == lastToken.end();
        return initial && dotNext ? lastToken.end() + 1 : lastToken.end();
    }
}
