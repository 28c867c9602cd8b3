package io.gil4j.webapp.owner;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Owners in the database; their pets are fetched in batches when first read (see application.properties). */
public interface OwnerRepository extends JpaRepository<Owner, Long> {

    /** A page of owners ordered by last name, then first name, then id. */
    @Query(
            value = "select o from Owner o order by o.lastName, o.firstName, o.id",
            countQuery = "select count(o) from Owner o")
    Page<Owner> findPage(Pageable pageable);

    /** Every owner's full name, "first last", by id. */
    @Query("select concat(o.firstName, ' ', o.lastName) from Owner o order by o.id")
    List<String> findAllNames();
}
