package io.gil4j.webapp.owner;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;

/** A pet: a name, a species, a birth date, and its owner. */
@Entity
public class Pet {

    @Id
    @GeneratedValue
    private Long id;

    private String name;
    private String species;
    private LocalDate birthDate;

    @ManyToOne(fetch = FetchType.LAZY)
    @SuppressWarnings("UnusedVariable") // the join column: Hibernate reads and writes it, the code does not
    private Owner owner;

    /** For JPA. */
    protected Pet() {}

    public Pet(String name, String species, LocalDate birthDate) {
        this.name = name;
        this.species = species;
        this.birthDate = birthDate;
    }

    void setOwner(Owner owner) {
        this.owner = owner;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSpecies() {
        return species;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }
}
