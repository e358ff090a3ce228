package newslens.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementTest {

    @Test
    void identicalPartitionsUnderOtherNamesAgreeFully() {
        Agreement a = Agreement.of(List.of(7, 7, 3, 3), List.of("x", "x", "y", "y"));
        assertEquals(1.0, a.nmi(), 1e-12);
        assertEquals(1.0, a.purity(), 1e-12);
    }

    @Test
    void independentPartitionsShareNothing() {
        Agreement a = Agreement.of(List.of(1, 2, 1, 2), List.of("x", "x", "y", "y"));
        assertEquals(0.0, a.nmi(), 1e-12);
        assertEquals(0.5, a.purity(), 1e-12);
    }
}
