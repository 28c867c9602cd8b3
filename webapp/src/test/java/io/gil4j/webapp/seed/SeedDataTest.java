package io.gil4j.webapp.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gil4j.webapp.owner.Owner;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedDataTest {

    @Test
    void the_same_seed_gives_the_same_owners_and_pets() {
        List<Owner> first = SeedData.owners(50, 42);
        List<Owner> second = SeedData.owners(50, 42);
        for (int i = 0; i < 50; i++) {
            assertEquals(describe(first.get(i)), describe(second.get(i)));
        }
    }

    @Test
    void every_owner_has_one_to_three_pets() {
        for (Owner owner : SeedData.owners(300, 42)) {
            assertTrue(owner.getPets().size() >= 1 && owner.getPets().size() <= 3, describe(owner));
        }
    }

    private static String describe(Owner owner) {
        return owner.getFirstName() + " " + owner.getLastName() + ", " + owner.getCity() + ", " + owner.getTelephone()
                + ", "
                + owner.getPets().stream()
                        .map(p -> p.getName() + "/" + p.getSpecies() + "/" + p.getBirthDate())
                        .toList();
    }
}
