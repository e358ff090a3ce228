package newslens.entities.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NerEvaluatorTest {

    @Test
    void exactSpanAndTypeMatchesCount() {
        String text = "Ông An ở Hà Nội và Huế.";
        NerEvaluator evaluator = new NerEvaluator(Set.of("PER", "LOC", "ORG"));
        evaluator.add(text,
                List.of(new NerEvaluator.Span(4, 6, "PER"), new NerEvaluator.Span(9, 15, "LOC"),
                        new NerEvaluator.Span(19, 22, "LOC")),
                List.of(new NerEvaluator.Span(4, 6, "PER"), new NerEvaluator.Span(9, 15, "ORG"),
                        new NerEvaluator.Span(0, 6, "PER"), new NerEvaluator.Span(19, 22, "MISC")));
        NerEvaluator.Report report = evaluator.report(5);
        assertEquals(new NerEvaluator.Scores("micro", 1, 2, 2), report.micro());
        assertEquals(1.0 / 3, report.micro().precision(), 1e-9);
        assertEquals(1.0 / 3, report.micro().recall(), 1e-9);
        assertEquals(List.of(new NerEvaluator.ErrorCount("Hà Nội LOC->ORG", 1)), report.typeConfusions());
        assertEquals(new NerEvaluator.Scores("LOC", 0, 0, 2), report.byType().get("LOC"));
    }
}
