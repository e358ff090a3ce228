package newslens.entities;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import newslens.text.SentenceSplitter;
import newslens.text.Token;
import newslens.text.Tokenizer;

/**
 * One article prepared for recognition: its tokens, the sentence of each token, which tokens open a
 * sentence (their capital says nothing), and the words the article also writes in lower case (a capitalised
 * {@code Theo} at a sentence start is the common word when {@code theo} occurs elsewhere).
 *
 * @param openersInLowerCase for a capitalised token opening a sentence, its text with the first letter in
 *                           lower case, as word lists write it; null for every other token. Computed once
 *                           because every word list is asked about every token.
 */
public record Article(String text, List<Token> tokens, List<SentenceSplitter.Sentence> sentences, int[] sentenceOf,
               boolean[] sentenceInitial, Set<String> lowerCaseWords, String[] openersInLowerCase) {

    private static final String CLAUSE_OPENERS = ":“\"(–-'‘";

    /** {@code text} tokenised and split into sentences once, for every reader of the article. */
    public static Article read(String text, Tokenizer tokenizer, SentenceSplitter splitter) {
        List<Token> tokens = tokenizer.tokenize(text);
        return of(text, tokens, splitter.split(text, tokens));
    }

    static Article of(String text, List<Token> tokens, List<SentenceSplitter.Sentence> sentences) {
        int[] sentenceOf = new int[tokens.size()];
        boolean[] initial = new boolean[tokens.size()];
        int s = 0;
        boolean seenWord = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            while (s + 1 < sentences.size() && token.start() >= sentences.get(s).end()) {
                s++;
                seenWord = false;
            }
            sentenceOf[i] = s;
            boolean afterOpener = i > 0 && sentenceOf[i - 1] == s && opensClause(tokens.get(i - 1).text());
            initial[i] = !seenWord || afterOpener;
            if (token.isWordLike() || token.kind() == Token.Kind.NUMBER) {
                seenWord = true;
            }
        }
        Set<String> lower = new HashSet<>();
        String[] openersInLowerCase = new String[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Token.Kind.WORD && Character.isLowerCase(token.text().codePointAt(0))) {
                lower.add(token.text());
            } else if (initial[i] && token.isCapitalised()) {
                openersInLowerCase[i] = lowerCaseFirstLetter(token.text());
            }
        }
        return new Article(text, tokens, sentences, sentenceOf, initial, lower, openersInLowerCase);
    }

    /** {@code :}, {@code “}, {@code "}, {@code (}, {@code –}, {@code -}, {@code '} or {@code ‘}. */
    private static boolean opensClause(String punct) {
        return punct.length() == 1 && CLAUSE_OPENERS.indexOf(punct.charAt(0)) >= 0;
    }

    private static String lowerCaseFirstLetter(String word) {
        int firstLength = Character.charCount(word.codePointAt(0));
        return word.substring(0, firstLength).toLowerCase(Locale.ROOT) + word.substring(firstLength);
    }

    public Token token(int i) {
        return tokens.get(i);
    }

    public int size() {
        return tokens.size();
    }

    /** True when tokens i and i+1 are in one sentence with only spaces between them. */
    public boolean adjacent(int i) {
        if (i < 0 || i + 1 >= tokens.size() || sentenceOf[i] != sentenceOf[i + 1]) {
            return false;
        }
        for (int c = tokens.get(i).end(); c < tokens.get(i + 1).start(); c++) {
            char ch = text.charAt(c);
            if (ch != ' ' && ch != '\u00A0' && ch != '\t') {
                return false;
            }
        }
        return true;
    }

    /** True when tokens i and i+1 touch (no space at all). */
    public boolean touching(int i) {
        return i >= 0 && i + 1 < tokens.size() && tokens.get(i).end() == tokens.get(i + 1).start();
    }

    public boolean isCapitalisedWord(int i) {
        return i >= 0 && i < tokens.size() && tokens.get(i).isWordLike() && tokens.get(i).isCapitalised();
    }

    public boolean writesInLowerCase(String word) {
        return lowerCaseWords.contains(word.toLowerCase(Locale.ROOT));
    }

    public String surface(int first, int last) {
        return text.substring(tokens.get(first).start(), tokens.get(last - 1).end());
    }
}
