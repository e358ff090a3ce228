package newslens.topics;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.linalg.Matrix;

/**
 * A fitted topic model: the learned collocations (the segmenter's corpus words), the vocabulary, the
 * LDA model, and the ids its topics are published under ({@link TopicLineage}: a refit keeps the ids
 * of the topics it finds again). Saved under {@code <output>/models/topics/<model_id>};
 * {@value #INFO_FILE} is written last, so a folder without it is an interrupted save and is never loaded.
 *
 * @param previousModelId the model this one was matched against at its fit, or null for the first
 */
public record TopicModel(String modelId, List<String> collocations, CountVectorizerModel vocabulary,
        LocalLDAModel lda, TopicLineage.Ids ids, String previousModelId) {

    static final String INFO_FILE = "model.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What model.json holds. Models saved before topic lineage have no topicIds, nextTopicId or links:
     * their topics are published under their LDA index, as they were.
     */
    public record Info(String modelId, int k, int vocabularySize, List<String> collocations,
            List<Integer> topicIds, Integer nextTopicId, String previousModelId, List<TopicLineage.Link> links) {

        /** The ids of a model of {@code topics} topics (model.json's k was not always the fitted k). */
        TopicLineage.Ids ids(int topics) {
            return topicIds == null ? TopicLineage.first(topics) : new TopicLineage.Ids(topicIds, nextTopicId, links);
        }
    }

    public TopicModel {
        collocations = List.copyOf(collocations);
        if (ids.topicIds().size() != topics(lda)) {
            throw new IllegalArgumentException(ids.topicIds().size() + " topic ids for " + topics(lda) + " topics");
        }
    }

    /**
     * The number of topics, from the topics matrix: a model made local from EM ({@code toLocal}) keeps
     * the default k in its params, not the fitted one.
     */
    private static int topics(LocalLDAModel lda) {
        return lda.topicsMatrix().numCols();
    }

    /** The published id of the topic at LDA index {@code index}. */
    public int topicId(int index) {
        return ids.topicIds().get(index);
    }

    /** Each topic's term weights by term text, by LDA index: what {@link TopicLineage} compares. */
    public List<Map<String, Double>> topicTerms() {
        String[] terms = vocabulary.vocabulary();
        double[][] weights = termWeights();
        List<Map<String, Double>> topics = new ArrayList<>();
        for (int topic = 0; topic < weights[0].length; topic++) {
            Map<String, Double> topicTerms = new HashMap<>();
            for (int term = 0; term < terms.length; term++) {
                if (weights[term][topic] > 0) {
                    topicTerms.put(terms[term], weights[term][topic]);
                }
            }
            topics.add(topicTerms);
        }
        return topics;
    }

    /** Each term's weight in each topic, {@code [term][topic]}: the LDA topics matrix, for {@link TopicLabels}. */
    public double[][] termWeights() {
        Matrix matrix = lda.topicsMatrix();
        double[][] weights = new double[matrix.numRows()][matrix.numCols()];
        for (int term = 0; term < matrix.numRows(); term++) {
            for (int topic = 0; topic < matrix.numCols(); topic++) {
                weights[term][topic] = matrix.apply(term, topic);
            }
        }
        return weights;
    }

    public static Path modelsFolder(Path outputRoot) {
        return new Path(new Path(outputRoot, "models"), "topics");
    }

    public void save(FileSystem fs, Path modelsFolder) {
        Path folder = new Path(modelsFolder, modelId);
        try {
            vocabulary.write().overwrite().save(new Path(folder, "vocabulary").toString());
            lda.write().overwrite().save(new Path(folder, "lda").toString());
            try (OutputStream out = fs.create(new Path(folder, INFO_FILE), true)) {
                JSON.writerWithDefaultPrettyPrinter().writeValue(out,
                        new Info(modelId, topics(lda), vocabulary.vocabulary().length, collocations, ids.topicIds(),
                                ids.nextTopicId(), previousModelId, ids.links()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not save topic model " + folder, e);
        }
    }

    /** The most recent complete model (model ids sort by time), if any. */
    public static Optional<TopicModel> latest(FileSystem fs, Path modelsFolder) {
        List<Path> folders = completeModels(fs, modelsFolder);
        return folders.isEmpty() ? Optional.empty() : Optional.of(load(fs, folders.get(folders.size() - 1)));
    }

    /** Every complete model's topic ids and lineage, oldest first: the history of refits. */
    public static List<Info> savedInfos(FileSystem fs, Path modelsFolder) {
        return completeModels(fs, modelsFolder).stream().map(folder -> {
            Info info = info(fs, folder);
            if (info.topicIds() != null) {
                return info;
            }
            // saved before lineage: its k is read from the model itself
            TopicLineage.Ids ids = info.ids(topics(LocalLDAModel.load(new Path(folder, "lda").toString())));
            return new Info(info.modelId(), ids.topicIds().size(), info.vocabularySize(), info.collocations(),
                    ids.topicIds(), ids.nextTopicId(), null, ids.links());
        }).toList();
    }

    /** Folders of complete models (with {@value #INFO_FILE}), oldest first: model ids sort by time. */
    private static List<Path> completeModels(FileSystem fs, Path modelsFolder) {
        try {
            if (!fs.exists(modelsFolder)) {
                return List.of();
            }
            return Arrays.stream(fs.listStatus(modelsFolder))
                    .filter(FileStatus::isDirectory)
                    .map(FileStatus::getPath)
                    .filter(path -> exists(fs, new Path(path, INFO_FILE)))
                    .sorted(Comparator.comparing(Path::getName))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list topic models under " + modelsFolder, e);
        }
    }

    static TopicModel load(FileSystem fs, Path folder) {
        Info info = info(fs, folder);
        LocalLDAModel lda = LocalLDAModel.load(new Path(folder, "lda").toString());
        return new TopicModel(info.modelId(), info.collocations(),
                CountVectorizerModel.load(new Path(folder, "vocabulary").toString()), lda, info.ids(topics(lda)),
                info.previousModelId());
    }

    private static Info info(FileSystem fs, Path folder) {
        try (InputStream in = fs.open(new Path(folder, INFO_FILE))) {
            return JSON.readValue(in, Info.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not load topic model " + folder, e);
        }
    }

    private static boolean exists(FileSystem fs, Path path) {
        try {
            return fs.exists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
