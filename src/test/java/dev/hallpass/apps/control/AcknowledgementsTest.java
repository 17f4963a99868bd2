package dev.hallpass.apps.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AcknowledgementsTest {

    @Test
    void theStreamMovesOverAcknowledgedEntriesInOrderAndStopsAtTheFirstGap() {
        List<Long> pending = List.of(11L, 12L, 15L, 16L);
        assertEquals(16, Acknowledgements.advance(10, pending, Set.of(11L, 12L, 15L, 16L)));
        assertEquals(12, Acknowledgements.advance(10, pending, Set.of(11L, 12L, 16L)), "16 waits behind 15 and is sent again");
        assertEquals(10, Acknowledgements.advance(10, pending, Set.of(12L)), "nothing moves past an unacknowledged first entry");
        assertEquals(10, Acknowledgements.advance(10, List.of(), Set.of(11L)), "an acknowledgement of nothing pending moves nothing");
    }

    @Test
    void aSetIdNamesItsPositionOnlyForItsOwnStream() {
        String jti = Acknowledgements.jti("streamA", 42);
        assertEquals(42, Acknowledgements.position("streamA", jti));
        assertEquals(-1, Acknowledgements.position("streamB", jti));
        assertEquals(-1, Acknowledgements.position("streamA", "x.streamA"));
        assertEquals(-1, Acknowledgements.position("streamA", "-5.streamA"));
        assertEquals(-1, Acknowledgements.position("streamA", null));
        assertEquals(-1, Acknowledgements.position("streamA", "99999999999999999999999.streamA"));
    }
}
