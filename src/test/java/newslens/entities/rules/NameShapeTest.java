package newslens.entities.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NameShapeTest {

    @Test
    void vietnameseSyllablesAreToldFromForeignWords() {
        for (String word : new String[] {"Nguyễn", "Khuê", "Nghiêng", "Thuý", "Hoà", "quyền", "Đức", "NGỌC"}) {
            assertTrue(NameShape.isVietnameseSyllable(word), word);
        }
        for (String word : new String[] {"Mark", "Ronson", "Galaxy", "Digital", "Potter", "LAB", "Sham"}) {
            assertFalse(NameShape.isVietnameseSyllable(word), word);
        }
    }

    @Test
    void titleCaseIsTheFormOfNameLists() {
        assertEquals("Hậu", NameShape.titleCase("HẬU"));
        assertEquals("Đức", NameShape.titleCase("đức"));
    }
}
