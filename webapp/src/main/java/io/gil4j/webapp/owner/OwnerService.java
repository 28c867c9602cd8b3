package io.gil4j.webapp.owner;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads owners with their pets in one read-only transaction per call, and hands out views. */
@Service
@Transactional(readOnly = true)
public class OwnerService {

    private final OwnerRepository owners;

    public OwnerService(OwnerRepository owners) {
        this.owners = owners;
    }

    /** Page {@code page} (from 0) of {@code size} owners, by name. */
    public OwnerPage page(int page, int size) {
        Page<Owner> found = owners.findPage(PageRequest.of(page, size));
        return new OwnerPage(
                page, size, found.getTotalElements(), found.map(OwnerView::of).getContent());
    }

    /** The owner with {@code id}, if there is one. */
    public Optional<OwnerView> find(long id) {
        return owners.findById(id).map(OwnerView::of);
    }
}
