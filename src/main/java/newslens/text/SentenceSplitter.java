package newslens.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits text into sentences by working on tokens, so the abbreviations and numbers the {@link Tokenizer}
 * keeps whole ({@code TP.HCM}, {@code PGS.TS.}, {@code V.Putin}, {@code 1.500}) can never end a sentence.
 *
 * <p>A sentence ends at a line break, or after {@code .}, {@code !}, {@code ?}, {@code …} (and the
 * {@code ./.} end marker) when the next token does not start with a lower-case letter; closing quotes and
 * brackets right after the stop stay in the sentence.
 */
public final class SentenceSplitter implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Set<String> CLOSERS = Set.of("”", "\"", "’", "'", ")", "]", "»", "›");

    /** A sentence as half-open offsets into the text. */
    public record Sentence(int start, int end) implements Serializable {
    }

    private final Tokenizer tokenizer;

    public SentenceSplitter(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    public static SentenceSplitter standard() {
        return new SentenceSplitter(Tokenizer.standard());
    }

    public List<Sentence> split(String text) {
        return split(text, tokenizer.tokenize(text));
    }

    /** Splits using tokens already computed for {@code text}. */
    public List<Sentence> split(String text, List<Token> tokens) {
        List<Sentence> sentences = new ArrayList<>();
        int first = 0;
        for (int i = 0; i < tokens.size(); i++) {
            int last = i;
            boolean boundary = false;
            if (isStop(tokens.get(i))) {
                last = absorbEndMarker(tokens, last);
                while (last + 1 < tokens.size() && CLOSERS.contains(tokens.get(last + 1).text())
                        && !lineBreakBetween(text, tokens.get(last), tokens.get(last + 1))) {
                    last++;
                }
                boundary = last + 1 >= tokens.size() || !startsLowerCase(tokens.get(last + 1));
            }
            if (last + 1 < tokens.size() && lineBreakBetween(text, tokens.get(last), tokens.get(last + 1))) {
                boundary = true;
            }
            if (boundary || last + 1 >= tokens.size()) {
                sentences.add(new Sentence(tokens.get(first).start(), tokens.get(last).end()));
                first = last + 1;
            }
            i = last;
        }
        return sentences;
    }

    private static boolean isStop(Token token) {
        if (token.kind() != Token.Kind.PUNCT) {
            return false;
        }
        String t = token.text();
        return t.startsWith(".") || t.equals("!") || t.equals("?") || t.equals("…");
    }

    /** Swallows the "./." marker Vietnamese news puts after the last sentence. */
    private static int absorbEndMarker(List<Token> tokens, int stop) {
        if (stop + 2 < tokens.size() && tokens.get(stop).text().equals(".")
                && tokens.get(stop + 1).text().equals("/") && tokens.get(stop + 2).text().equals(".")
                && tokens.get(stop + 1).start() == tokens.get(stop).end()
                && tokens.get(stop + 2).start() == tokens.get(stop + 1).end()) {
            return stop + 2;
        }
        return stop;
    }

    private static boolean startsLowerCase(Token token) {
        return token.isWordLike() && Character.isLowerCase(token.text().codePointAt(0));
    }

    private static boolean lineBreakBetween(String text, Token left, Token right) {
        for (int i = left.end(); i < right.start(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }
}
