package io.gil4j.webapp.owner;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/** A pet owner: a name, a city, a telephone, and the pets, saved with the owner. */
@Entity
public class Owner {

    @Id
    @GeneratedValue
    private Long id;

    private String firstName;
    private String lastName;
    private String city;
    private String telephone;

    @OneToMany(mappedBy = "owner", cascade = CascadeType.ALL)
    @OrderBy("name")
    private List<Pet> pets = new ArrayList<>();

    /** For JPA. */
    protected Owner() {}

    public Owner(String firstName, String lastName, String city, String telephone) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.city = city;
        this.telephone = telephone;
    }

    /** Adds {@code pet} to this owner's pets and makes this its owner. */
    public void adopt(Pet pet) {
        pet.setOwner(this);
        pets.add(pet);
    }

    public Long getId() {
        return id;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getCity() {
        return city;
    }

    public String getTelephone() {
        return telephone;
    }

    /** The pets, loaded lazily: read inside a transaction. */
    public List<Pet> getPets() {
        return pets;
    }
}
