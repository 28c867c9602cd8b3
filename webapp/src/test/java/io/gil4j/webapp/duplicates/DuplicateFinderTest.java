package io.gil4j.webapp.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DuplicateFinderTest {

    @Test
    void editDistance_counts_insertions_deletions_and_substitutions() {
        assertEquals(0, DuplicateFinder.editDistance("Kenji Coleman", "Kenji Coleman"));
        assertEquals(3, DuplicateFinder.editDistance("kitten", "sitting"));
        assertEquals(5, DuplicateFinder.editDistance("", "Black"));
        assertEquals(5, DuplicateFinder.editDistance("Black", ""));
        assertEquals(1, DuplicateFinder.editDistance("Davis", "Davies"));
    }

    @Test
    void editDistance_is_symmetric() {
        assertEquals(
                DuplicateFinder.editDistance("Rodriquez", "Rodriguez Jr"),
                DuplicateFinder.editDistance("Rodriguez Jr", "Rodriquez"));
    }
}
