package io.gil4j.webapp.seed;

import io.gil4j.webapp.owner.OwnerRepository;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Saves {@link SeedData} once every singleton exists and before the web server opens its port, so that the
 * first answer of {@code GET /owners} already has every row.
 */
@Component
public class Seeder implements SmartInitializingSingleton {

    private final OwnerRepository owners;
    private final int count;

    public Seeder(OwnerRepository owners, @Value("${webapp.seed.owners:300}") int count) {
        this.owners = owners;
        this.count = count;
    }

    @Override
    public void afterSingletonsInstantiated() {
        owners.saveAll(SeedData.owners(count, 42));
    }
}
