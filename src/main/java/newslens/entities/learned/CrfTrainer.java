package newslens.entities.learned;

import com.johnsnowlabs.ml.crf.CrfDataset;
import com.johnsnowlabs.ml.crf.CrfParams;
import com.johnsnowlabs.ml.crf.LinearChainCrf;
import com.johnsnowlabs.ml.crf.TextSentenceLabels;
import com.johnsnowlabs.nlp.Annotation;
import com.johnsnowlabs.nlp.annotators.common.IndexedTaggedWord;
import com.johnsnowlabs.nlp.annotators.common.PosTagged;
import com.johnsnowlabs.nlp.annotators.common.TaggedSentence;
import com.johnsnowlabs.nlp.annotators.common.WordpieceEmbeddingsSentence;
import com.johnsnowlabs.nlp.annotators.ner.Verbose;
import com.johnsnowlabs.nlp.annotators.ner.crf.DictionaryFeatures;
import com.johnsnowlabs.nlp.annotators.ner.crf.FeatureGenerator;
import com.johnsnowlabs.nlp.annotators.ner.crf.NerCrfModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import scala.Option;
import scala.Tuple3;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * Fits Spark NLP's linear-chain CRF ({@code NerCrfModel}) the way {@code NerCrfApproach} does, but streaming the
 * training rows to the driver a partition at a time and encoding them sentence by sentence.
 * {@code NerCrfApproach.fit} collects every row and then builds the string features of every token at once
 * (measured: about 20 KB a token, so more than 8 GB of driver heap for the 781 ner-dev articles); here only the
 * encoded sentences are kept. Features, training algorithm and the model are Spark NLP's own, so the model is
 * used as any {@code NerCrfModel} is.
 */
final class CrfTrainer {

    private static final float LOSS_EPSILON = 1e-3f;
    private static final float L2 = 1f;
    /**
     * Offset of the SGD step-size decay, per training sentence. The CRF's step is
     * {@code sentences / (2 * L2 * (c0 + steps))}, so a fixed {@code c0} makes a small corpus learn slowly (measured:
     * 1,900 sentences and 3 epochs stayed far below the rules). With {@code c0 = 250 * sentences} the first step is
     * 0.002 whatever the corpus size; at ner-dev's 9,073 training sentences that is Spark NLP's default offset
     * (2.25 million). Measured there: larger steps (c0 of 1.2 million) ended at a higher loss, and c0 of 40,000
     * diverged (the CRF computes in float without rescaling, and its loss became NaN).
     */
    private static final int C0_PER_SENTENCE = 250;

    private CrfTrainer() {
    }

    /**
     * Trains on {@code rows}, which have the label, sentence, token, pos and embeddings annotation columns, and
     * returns the model, reading those columns and writing {@link NerAnnotations#NER}.
     */
    static NerCrfModel fit(Dataset<Row> rows, int maxEpochs, int seed, String embeddingsRef) {
        Iterator<Row> stream = rows.select(NerAnnotations.LABEL, NerAnnotations.SENTENCE, NerAnnotations.TOKEN,
                NerAnnotations.POS, NerAnnotations.EMBEDDINGS).toLocalIterator();
        CrfDataset dataset = FeatureGenerator.apply(noDictionary())
                .generateDataset(JavaConverters.asScalaIterator(new Sentences(stream)));
        int c0 = (int) Math.min(Integer.MAX_VALUE, (long) C0_PER_SENTENCE * dataset.instances().size());
        CrfParams params = new CrfParams(1, maxEpochs, L2, c0, LOSS_EPSILON, Option.apply(seed), Verbose.Epochs());
        NerCrfModel model = new NerCrfModel();
        model.setModel(new LinearChainCrf(params).trainSGD(dataset));
        model.setDictionaryFeatures(noDictionary());
        model.setStorageRef(embeddingsRef);
        model.setInputCols(new String[] {NerAnnotations.SENTENCE, NerAnnotations.TOKEN, NerAnnotations.POS,
            NerAnnotations.EMBEDDINGS});
        model.setOutputCol(NerAnnotations.NER);
        return model;
    }

    /** The CRF's dictionary features stay empty: knowledge-base membership reaches it through the pos column. */
    private static DictionaryFeatures noDictionary() {
        return new DictionaryFeatures(scala.collection.immutable.Map$.MODULE$.empty());
    }

    /** The training sentences of a stream of rows, unpacked as {@code NerCrfApproach} unpacks them. */
    private static final class Sentences
            implements Iterator<Tuple3<TextSentenceLabels, TaggedSentence, WordpieceEmbeddingsSentence>> {

        private final Iterator<Row> rows;
        private final Deque<Tuple3<TextSentenceLabels, TaggedSentence, WordpieceEmbeddingsSentence>> pending =
                new ArrayDeque<>();

        Sentences(Iterator<Row> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            while (pending.isEmpty() && rows.hasNext()) {
                unpack(rows.next());
            }
            return !pending.isEmpty();
        }

        @Override
        public Tuple3<TextSentenceLabels, TaggedSentence, WordpieceEmbeddingsSentence> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return pending.poll();
        }

        private void unpack(Row row) {
            Map<Integer, String> labelAt = new HashMap<>();
            for (Row label : row.<Row>getList(0)) {
                labelAt.put(label.getInt(1), label.getString(3));
            }
            List<Annotation> annotations = new ArrayList<>();
            for (int column = 1; column < row.size(); column++) {
                for (Row annotation : row.<Row>getList(column)) {
                    annotations.add(Annotation.apply(annotation));
                }
            }
            Seq<Annotation> all = JavaConverters.asScalaBuffer(annotations);
            List<TaggedSentence> tagged = JavaConverters.seqAsJavaList(PosTagged.unpack(all));
            List<WordpieceEmbeddingsSentence> embedded =
                    JavaConverters.seqAsJavaList(WordpieceEmbeddingsSentence.unpack(all));
            for (int s = 0; s < tagged.size(); s++) {
                List<String> labels = new ArrayList<>();
                for (IndexedTaggedWord word : tagged.get(s).indexedTaggedWords()) {
                    labels.add(labelAt.getOrDefault(word.begin(), NerFeatures.OUTSIDE));
                }
                pending.add(new Tuple3<>(new TextSentenceLabels(JavaConverters.asScalaBuffer(labels)),
                        tagged.get(s), embedded.get(s)));
            }
        }
    }
}
