package newslens.tools.peer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.annotators.Tokenizer;
import com.johnsnowlabs.nlp.annotators.er.EntityRulerApproach;
import com.johnsnowlabs.nlp.util.io.ReadAs;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import newslens.entities.kb.KbEntity;
import newslens.entities.kb.KnowledgeBase;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The peer of the entities stage for the benchmark: Spark NLP's {@code EntityRulerApproach} set up the way
 * its documentation shows ({@code DocumentAssembler} → {@code Tokenizer} → {@code EntityRulerApproach} with
 * a JSONL patterns file), over the same knowledge-base names and aliases. Its matcher accepts only the
 * characters of its alphabet and throws on any other, in a pattern or in the text: the alphabet
 * {@code newslens/tools/peer/vietnamese-alphabet.txt} (Vietnamese letters, digits, punctuation, and the Latin-1 and
 * Latin Extended-A letters of foreign names) is set, patterns with other characters are left out and
 * counted, and a crash on the text is reported instead of failing the benchmark.
 */
public final class PeerEntityRuler {

    /** What the peer did: its mentions, or the error that stopped it. */
    public record Outcome(long mentions, int patterns, int patternsOutsideAlphabet, String error) {}

    private static final String ALPHABET_RESOURCE = "newslens/tools/peer/vietnamese-alphabet.txt";

    private PeerEntityRuler() {}

    public static Outcome run(SparkSession spark, String articlesTable, Path workDir, KnowledgeBase kb) {
        try {
            Files.createDirectories(workDir);
            Path alphabetFile = workDir.resolve("alphabet.txt");
            String alphabet = copyAlphabet(alphabetFile);
            Path patternsFile = workDir.resolve("patterns.jsonl");
            int[] written = writePatterns(kb, alphabet, patternsFile);

            DocumentAssembler document = new DocumentAssembler();
            document.setInputCol("text");
            document.setOutputCol("document");
            Tokenizer tokenizer = new Tokenizer();
            tokenizer.setInputCols(new String[] {"document"});
            tokenizer.setOutputCol("token");
            EntityRulerApproach ruler = new EntityRulerApproach();
            ruler.setInputCols(new String[] {"document", "token"});
            ruler.setOutputCol("entities");
            ruler.setPatternsResource(patternsFile.toAbsolutePath().toString(), ReadAs.TEXT(),
                    new scala.collection.immutable.Map.Map1<>("format", "JSONL"));
            ruler.setAlphabetResource(alphabetFile.toAbsolutePath().toString());

            Dataset<Row> articles = spark.read().parquet(articlesTable).select("doc_id", "text");
            Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {document, tokenizer, ruler});
            Row total = pipeline.fit(articles).transform(articles)
                    .agg(sum(size(col("entities")))).first();
            return new Outcome(total.isNullAt(0) ? 0 : total.getLong(0), written[0], written[1], null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) { // Spark rethrows task failures as the checked SparkException
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String message = String.valueOf(root.getMessage()).lines().findFirst().orElse("");
            return new Outcome(0, 0, 0, root.getClass().getSimpleName() + ": " + message);
        }
    }

    private static String copyAlphabet(Path target) throws IOException {
        try (InputStream in = PeerEntityRuler.class.getClassLoader().getResourceAsStream(ALPHABET_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ALPHABET_RESOURCE + " is missing from the application jar");
            }
            byte[] bytes = in.readAllBytes();
            Files.write(target, bytes);
            return new String(bytes, StandardCharsets.UTF_8).replace("\n", "") + " ";
        }
    }

    /** One JSONL line per entity: {@code id}, {@code label} (PER/LOC/ORG/MISC), its name and aliases. */
    private static int[] writePatterns(KnowledgeBase kb, String alphabet, Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<KbEntity> entities = new ArrayList<>(kb.entities());
        entities.sort(Comparator.comparing(KbEntity::id));
        int kept = 0;
        int outside = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (KbEntity entity : entities) {
                Set<String> forms = new LinkedHashSet<>();
                forms.add(entity.name());
                forms.addAll(entity.aliases());
                List<String> patterns = new ArrayList<>();
                for (String form : forms) {
                    if (form.chars().allMatch(c -> alphabet.indexOf(c) >= 0)) {
                        patterns.add(form);
                    } else {
                        outside++;
                    }
                }
                if (!patterns.isEmpty()) {
                    kept += patterns.size();
                    out.write(json.writeValueAsString(new Pattern(entity.id(), entity.type().name(), patterns)));
                    out.write('\n');
                }
            }
        }
        return new int[] {kept, outside};
    }

    private record Pattern(String id, String label, List<String> patterns) {}
}
