package newslens.topics;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.linalg.Matrix;

/**
 * A fitted topic model: the learned collocations (the segmenter's corpus words), the vocabulary and
 * the LDA model. Saved under {@code <output>/models/topics/<model_id>}; {@value #INFO_FILE} is
 * written last, so a folder without it is an interrupted save and is never loaded.
 */
public record TopicModel(String modelId, List<String> collocations, CountVectorizerModel vocabulary,
        LocalLDAModel lda) {

    static final String INFO_FILE = "model.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What model.json holds. */
    public record Info(String modelId, int k, int vocabularySize, List<String> collocations) {}

    public TopicModel {
        collocations = List.copyOf(collocations);
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
                        new Info(modelId, lda.getK(), vocabulary.vocabulary().length, collocations));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not save topic model " + folder, e);
        }
    }

    /** The most recent complete model (model ids sort by time), if any. */
    public static Optional<TopicModel> latest(FileSystem fs, Path modelsFolder) {
        try {
            if (!fs.exists(modelsFolder)) {
                return Optional.empty();
            }
            FileStatus[] folders = fs.listStatus(modelsFolder);
            return Arrays.stream(folders)
                    .filter(FileStatus::isDirectory)
                    .map(FileStatus::getPath)
                    .filter(path -> exists(fs, new Path(path, INFO_FILE)))
                    .max(Comparator.comparing(Path::getName))
                    .map(path -> load(fs, path));
        } catch (IOException e) {
            throw new UncheckedIOException("could not list topic models under " + modelsFolder, e);
        }
    }

    static TopicModel load(FileSystem fs, Path folder) {
        try (InputStream in = fs.open(new Path(folder, INFO_FILE))) {
            Info info = JSON.readValue(in, Info.class);
            return new TopicModel(info.modelId(), info.collocations(),
                    CountVectorizerModel.load(new Path(folder, "vocabulary").toString()),
                    LocalLDAModel.load(new Path(folder, "lda").toString()));
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
