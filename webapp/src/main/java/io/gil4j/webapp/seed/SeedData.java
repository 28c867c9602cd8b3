package io.gil4j.webapp.seed;

import io.gil4j.webapp.owner.Owner;
import io.gil4j.webapp.owner.Pet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The owners and pets the service starts with: made up from fixed name lists by a seeded random source, so
 * that every start has the same rows.
 */
public final class SeedData {

    private static final String[] FIRST = {
        "George", "Betty", "Eduardo", "Harold", "Peter", "Jean", "Jeff", "Maria", "David", "Carlos", "Aiko", "Olga",
        "Nkechi", "Sven", "Priya", "Tomasz", "Lucia", "Omar", "Ingrid", "Kenji"
    };
    private static final String[] LAST = {
        "Franklin",
        "Davis",
        "Rodriquez",
        "McTavish",
        "Schroeder",
        "Coleman",
        "Black",
        "Escobito",
        "Estaban",
        "Nakamura",
        "Petrova",
        "Okafor",
        "Lindqvist",
        "Sharma",
        "Kowalski",
        "Fernandez",
        "Haddad",
        "Johansson",
        "Tanaka",
        "Müller",
        "Moreau",
        "Rossi",
        "Novak",
        "O'Brien"
    };
    private static final String[] CITY = {
        "Madison", "Sun Prairie", "McFarland", "Windsor", "Monona", "Waunakee", "Middleton", "Verona"
    };
    private static final String[] PET = {
        "Leo",
        "Basil",
        "Rosy",
        "Jewel",
        "Iggy",
        "George",
        "Samantha",
        "Max",
        "Lucky",
        "Mulligan",
        "Freddy",
        "Sly",
        "Bella",
        "Milo",
        "Luna",
        "Oscar",
        "Pepper",
        "Ziggy"
    };
    private static final String[] SPECIES = {"cat", "dog", "lizard", "snake", "bird", "hamster"};

    private SeedData() {}

    /** {@code count} owners, each with one to three pets, the same for the same {@code seed}. */
    public static List<Owner> owners(int count, long seed) {
        Random random = new Random(seed);
        List<Owner> owners = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Owner owner = new Owner(
                    pick(random, FIRST),
                    pick(random, LAST),
                    pick(random, CITY),
                    String.format("608555%04d", random.nextInt(10_000)));
            int pets = 1 + random.nextInt(3);
            for (int p = 0; p < pets; p++) {
                owner.adopt(new Pet(
                        pick(random, PET),
                        pick(random, SPECIES),
                        LocalDate.of(2010, 1, 1).plusDays(random.nextInt(5000))));
            }
            owners.add(owner);
        }
        return owners;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
