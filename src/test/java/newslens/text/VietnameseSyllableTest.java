package newslens.text;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VietnameseSyllableTest {

    @Test
    void acceptsVietnameseSyllablesOfEveryShape() {
        for (String word : List.of("a", "ý", "ở", "và", "Hà", "Nội", "người", "được", "nguyễn", "quyết", "khuya",
                "thuở", "giữa", "gì", "hoặc", "xoong", "khuỷu", "tuần", "Đống", "NGƯỜI", "nghiêng", "hoà", "hòa",
                "chuyện", "ếch", "quốc", "tắc")) {
            assertTrue(VietnameseSyllable.isSyllable(word), word);
        }
    }

    @Test
    void rejectsForeignWordsAndNamesAndMojibake() {
        for (String word : List.of("café", "naïve", "was", "and", "street", "ViÖt", "B¸t", "Ng\u00ADêi", "aáb",
                "áà", "xyz", "tac", "bàt", "ph", "f", "wifi", "ă", "Mark", "Ronson", "Galaxy", "Digital")) {
            assertFalse(VietnameseSyllable.isSyllable(word), word);
        }
    }
}
