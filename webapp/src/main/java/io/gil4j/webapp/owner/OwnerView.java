package io.gil4j.webapp.owner;

import java.util.List;

/**
 * An owner as the endpoints show it, copied out of the persistence context inside the transaction.
 *
 * @param pets in name order
 */
public record OwnerView(long id, String firstName, String lastName, String city, String telephone, List<PetView> pets) {

    /** A pet as the endpoints show it; {@code birthDate} in ISO form. */
    public record PetView(long id, String name, String species, String birthDate) {}

    static OwnerView of(Owner owner) {
        return new OwnerView(
                owner.getId(),
                owner.getFirstName(),
                owner.getLastName(),
                owner.getCity(),
                owner.getTelephone(),
                owner.getPets().stream()
                        .map(p -> new PetView(
                                p.getId(),
                                p.getName(),
                                p.getSpecies(),
                                p.getBirthDate().toString()))
                        .toList());
    }
}
