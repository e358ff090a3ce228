package newslens.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CodePointOrderTest {

    @Test
    void ordersAsUtf8BytesDoBeyondTheBasicPlane() {
        String emoji = new String(Character.toChars(0x1F600)); // a surrogate pair in UTF-16
        String fullwidthA = "\uFF21";
        assertTrue(emoji.compareTo(fullwidthA) < 0, "UTF-16 order puts the surrogate first");
        assertTrue(CodePointOrder.compare(emoji, fullwidthA) > 0);
        assertTrue(Arrays.compareUnsigned(emoji.getBytes(StandardCharsets.UTF_8),
                fullwidthA.getBytes(StandardCharsets.UTF_8)) > 0, "and so do UTF-8 bytes");
    }

    @Test
    void aPrefixComesFirstAndEqualStringsTie() {
        assertTrue(CodePointOrder.compare("Hà", "Hà Nội") < 0);
        assertTrue(CodePointOrder.compare("Đà Nẵng", "Da Nang") > 0);
        assertEquals(0, CodePointOrder.compare("Huế", "Huế"));
    }
}
