package newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import newslens.ingest.JsonArticleReader.JsonArticle;
import newslens.ingest.JsonArticleReader.Line;
import newslens.ingest.JsonArticleReader.Rejected;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class JsonArticleReaderTest {

    private static final String FIRST = "{\"id\": \"a1\", \"text\": \"Giá xăng giảm\\nTừ 15h chiều nay, giá xăng giảm 500 đồng.\", "
            + "\"title\": \"Giá xăng giảm\", \"url\": \"https://tin.example.vn/a1\", \"source\": \"tin.example.vn\", "
            + "\"publishedAt\": \"2021-04-06T15:02:23\"}";
    private static final String SECOND = "{\"id\": \"a2\", \"text\": \"Mưa lớn ở miền Trung\\nNhiều tuyến đường bị ngập.\"}";
    private static final String THIRD = "{\"id\": \"a3\", \"text\": \"Khai mạc hội chợ\\nHội chợ kéo dài 5 ngày.\"}";

    @Test
    void readsJsonLines() {
        List<Line> lines = JsonArticleReader.read(String.join("\n", FIRST, SECOND, THIRD) + "\n");
        assertEquals(3, lines.size());
        assertEquals(new JsonArticle(1, "a1", "Giá xăng giảm\nTừ 15h chiều nay, giá xăng giảm 500 đồng.", "Giá xăng giảm",
                "https://tin.example.vn/a1", "tin.example.vn", "2021-04-06T15:02:23"), lines.get(0));
        assertEquals(new JsonArticle(2, "a2", "Mưa lớn ở miền Trung\nNhiều tuyến đường bị ngập.", null, null, null, null),
                lines.get(1));
        assertEquals(3, lines.get(2).lineNumber());
    }

    @Test
    void skipsBlankLinesAndCountsPhysicalLines() {
        List<Line> lines = JsonArticleReader.read("\n" + FIRST + "\r\n\r\n  \n" + SECOND + "\r\n");
        assertEquals(List.of(2, 5), lines.stream().map(Line::lineNumber).toList());
    }

    @Test
    void rejectsOnlyTheMalformedLine() {
        List<Line> lines = JsonArticleReader.read(String.join("\n", FIRST, "{\"id\": \"x\", \"text\": ", THIRD));
        assertEquals(3, lines.size());
        assertInstanceOf(JsonArticle.class, lines.get(0));
        Rejected rejected = assertInstanceOf(Rejected.class, lines.get(1));
        assertEquals(2, rejected.lineNumber());
        assertEquals(RejectReason.MALFORMED_JSON, rejected.rejection().reason());
        assertTrue(rejected.rejection().detail().startsWith("line 2: invalid JSON: "), rejected.rejection().detail());
        assertEquals(3, assertInstanceOf(JsonArticle.class, lines.get(2)).lineNumber());
    }

    @Test
    void aTruncatedLastLineCostsOneArticle() {
        String truncated = THIRD.substring(0, THIRD.length() / 2);
        List<Line> lines = JsonArticleReader.read(String.join("\n", FIRST, SECOND, truncated));
        assertEquals(List.of(JsonArticle.class, JsonArticle.class, Rejected.class),
                lines.stream().map(Object::getClass).toList());
        assertEquals(RejectReason.MALFORMED_JSON, ((Rejected) lines.get(2)).rejection().reason());
        assertTrue(((Rejected) lines.get(2)).rejection().detail().startsWith("line 3: "));
    }

    @Test
    void rejectsTrailingContentAndNonObjects() {
        List<Line> lines = JsonArticleReader.read(String.join("\n", SECOND + " thêm", "42", "[1, 2]"));
        assertEquals(3, lines.size());
        for (Line line : lines) {
            assertEquals(RejectReason.MALFORMED_JSON, assertInstanceOf(Rejected.class, line).rejection().reason());
        }
        assertEquals("line 2: expected a JSON object, found a number", ((Rejected) lines.get(1)).rejection().detail());
    }

    @Test
    void rejectsMissingOrEmptyText() {
        List<Line> lines = JsonArticleReader.read(String.join("\n",
                "{\"id\": 1, \"title\": \"Không có nội dung\"}",
                "{\"id\": 2, \"text\": \"  \"}",
                "{\"id\": 3, \"text\": null}",
                "{\"id\": 4, \"text\": 17}"));
        assertEquals(List.of(
                        new Rejection(RejectReason.MISSING_TEXT, "line 1: missing required field 'text'"),
                        new Rejection(RejectReason.MISSING_TEXT, "line 2: field 'text' is empty"),
                        new Rejection(RejectReason.MISSING_TEXT, "line 3: missing required field 'text'"),
                        new Rejection(RejectReason.MISSING_TEXT, "line 4: field 'text' is a number, not a string")),
                lines.stream().map(line -> ((Rejected) line).rejection()).toList());
    }

    @Test
    void toleratesScalarFieldsAndIgnoresStructuredOnes() {
        List<Line> lines = JsonArticleReader.read(
                "{\"id\": 123, \"text\": \"Nội dung\", \"title\": \"\", \"source\": {\"name\": \"VTV\"}, "
                        + "\"published_at\": 1617696143, \"extra\": [1]}");
        assertEquals(List.of(new JsonArticle(1, "123", "Nội dung", null, null, null, "1617696143")), lines);
    }

    @Test
    void readsTheDateFromItsAlternativeNames() {
        JsonArticle article = (JsonArticle) JsonArticleReader.read("{\"text\": \"Nội dung\", \"date\": \"2019-05-01\"}").get(0);
        assertEquals("2019-05-01", article.publishedAt());
    }

    @Test
    void readsASinglePrettyPrintedObject() {
        String json = "{\n  \"id\": \"b1\",\n  \"text\": \"Tin vắn\\nNội dung tin vắn.\"\n}\n";
        assertEquals(List.of(new JsonArticle(1, "b1", "Tin vắn\nNội dung tin vắn.", null, null, null, null)),
                JsonArticleReader.read(json));
    }

    @Test
    void readsAnArrayOfObjects() {
        String json = "[\n" + FIRST + ",\n" + SECOND + ",\n{\"id\": \"c\"}\n]\n";
        List<Line> lines = JsonArticleReader.read(json);
        assertEquals(List.of(2, 3, 4), lines.stream().map(Line::lineNumber).toList());
        assertEquals("a2", ((JsonArticle) lines.get(1)).id());
        assertEquals(RejectReason.MISSING_TEXT, ((Rejected) lines.get(2)).rejection().reason());
    }

    @Test
    void keepsTheElementsBeforeABreakInAnArray() {
        String json = "[\n" + FIRST + ",\n" + SECOND + ",\n{\"id\": \"c\", \"text\": ";
        List<Line> lines = JsonArticleReader.read(json);
        assertEquals(3, lines.size());
        Rejected rejected = assertInstanceOf(Rejected.class, lines.get(2));
        assertEquals(RejectReason.MALFORMED_JSON, rejected.rejection().reason());
        assertTrue(rejected.rejection().detail().startsWith("line 4: invalid JSON: "), rejected.rejection().detail());
    }

    @Test
    void emptyContentHasNoRecords() {
        assertEquals(List.of(), JsonArticleReader.read(" \n\n"));
    }

    @Test
    void toleratesAByteOrderMark() {
        assertEquals(1, JsonArticleReader.read("\uFEFF" + SECOND).size());
        assertInstanceOf(JsonArticle.class, JsonArticleReader.read("\uFEFF" + SECOND).get(0));
    }

    @Test
    void linesSurviveJavaSerialization() throws Exception {
        List<Line> lines = JsonArticleReader.read(String.join("\n", FIRST, "{"));
        assertEquals(lines.get(0), InputDecoderTest.roundTrip(lines.get(0)));
        assertEquals(lines.get(1), InputDecoderTest.roundTrip(lines.get(1)));
    }

    @Test
    void readsTheDevJsonLines() throws IOException {
        Path file = Path.of("../shared/data/news-dev/articles.jsonl");
        Assumptions.assumeTrue(Files.isRegularFile(file), "no " + file);
        DecodedInput.Text text = assertInstanceOf(DecodedInput.Text.class, InputDecoder.decode(Files.readAllBytes(file)));
        List<Line> lines = JsonArticleReader.read(text.text());
        assertEquals(693, lines.size());
        for (Line line : lines) {
            JsonArticle article = assertInstanceOf(JsonArticle.class, line);
            ParsedArticle parsed = ArticleParser.parseRecord(article.text(), article.title(), article.url(), article.source());
            assertTrue(!parsed.body().isEmpty(), "line " + line.lineNumber());
        }
    }
}
