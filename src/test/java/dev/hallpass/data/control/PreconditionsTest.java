package dev.hallpass.data.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hallpass.problem.InvalidInput;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreconditionsTest {

    static final DataKey KEY = new DataKey(DataScope.USER, "ivy", "cart");

    static Optional<DataDocument> version(long version, boolean deleted) {
        return Optional.of(new DataDocument(KEY, "ivy", deleted ? null : "{}", version, Instant.EPOCH, null, deleted));
    }

    static int status(Runnable check) {
        return assertThrows(PreconditionFailed.class, check::run).status();
    }

    @Test
    void aReplacementOfAnExistingDocumentNeedsIfMatchAndTheCurrentVersion() {
        assertEquals(428, status(() -> new Preconditions(null, null).check(version(3, false), true)));
        assertEquals(412, status(() -> new Preconditions("\"2\"", null).check(version(3, false), true)));
        assertDoesNotThrow(() -> new Preconditions("\"2\", \"3\"", null).check(version(3, false), true));
        assertDoesNotThrow(() -> new Preconditions("*", null).check(version(3, false), true));
        assertDoesNotThrow(() -> new Preconditions(null, null).check(version(3, false), false), "a patch may go without");
    }

    @Test
    void aDeletedOrMissingDocumentMatchesNoTagAndMayBeCreatedWithout() {
        assertDoesNotThrow(() -> new Preconditions(null, null).check(Optional.empty(), true));
        assertDoesNotThrow(() -> new Preconditions(null, null).check(version(4, true), true));
        assertEquals(412, status(() -> new Preconditions("\"4\"", null).check(version(4, true), true)));
        assertEquals(412, status(() -> new Preconditions("*", null).check(Optional.empty(), true)));
    }

    @Test
    void ifNoneMatchStarCreatesOnlyAndWeakTagsNeverMatch() {
        assertEquals(412, status(() -> new Preconditions(null, "*").check(version(1, false), true)));
        assertDoesNotThrow(() -> new Preconditions(null, "*").check(Optional.empty(), true));
        assertEquals(412, status(() -> new Preconditions("W/\"1\"", null).check(version(1, false), true)));
    }

    @Test
    void aMalformedHeaderIsInvalidInputBeforeAnythingIsCompared() {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> new Preconditions("seven", null));
        assertEquals("If-Match", refused.fieldProblems().get(0).field());
        assertThrows(InvalidInput.class, () -> new Preconditions(null, "\"1"));
    }
}
