package newslens.entities.learned;

import java.util.List;

/**
 * What a learned NER model is, written as JSON beside it ({@code newslens-ner.json}) so that a model folder says
 * what it was trained on and how.
 *
 * @param trainedAt         when training ended (ISO-8601 instant)
 * @param gold              the gold file it was trained from
 * @param holdoutPercent    share of the gold's documents left out for scoring (0 = trained on all)
 * @param seed              the seed of the held-out choice, of {@code Word2Vec} and of the CRF
 * @param articles          articles trained on
 * @param sentences         sentences trained on
 * @param tokens            tokens trained on
 * @param labels            the BIO labels the model can give
 * @param features          what fills the part-of-speech column ({@link NerFeatures})
 * @param embeddingsCorpus  the unlabelled corpus the word vectors also learned from, or null
 * @param vectorSize        dimensions of the word vectors
 * @param vocabulary        words with a vector
 * @param maxEpochs         the CRF's epoch limit
 * @param trainingSeconds   wall time of training
 * @param sparkNlpVersion   the Spark NLP version that wrote the pipeline
 */
public record NerModelDescription(String trainedAt, String gold, int holdoutPercent, long seed, int articles,
                                  long sentences, long tokens, List<String> labels, String features,
                                  String embeddingsCorpus, int vectorSize, long vocabulary, int maxEpochs,
                                  double trainingSeconds, String sparkNlpVersion) {
}
