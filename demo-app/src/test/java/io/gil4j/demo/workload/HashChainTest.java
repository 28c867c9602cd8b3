package io.gil4j.demo.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class HashChainTest {

    @Test
    void hash_one_step_from_seed_0_is_the_sha256_of_64_zero_bytes() {
        assertEquals("f5a5fd42d16a20302798ef6ed309979b43003d2320d9f0e8ea9831a92759fb4b", HashChain.chain(0, 1));
    }

    @Test
    void hash_each_step_hashes_the_last_digest_followed_by_the_first_half_of_the_previous_state() {
        // Computed with Python: s = d + s[:32] after each d = sha256(s).
        assertEquals("7a0501f5957bdf9cb3a8ff4966f02265f968658b7a9c62642cba1165e86642f5", HashChain.chain(0, 2));
        assertEquals("01fe8a0d2ec2bc8093e15f0b3f387d989c2fe580a8851e296b0f4ee45e4d81c6", HashChain.chain(7, 3));
    }

    @Test
    void hash_chaining_is_deterministic_per_task_and_differs_between_tasks() {
        HashChain hash = new HashChain(HashChain.SMALL_DIGESTS);
        assertEquals(hash.runTask(3), hash.runTask(3));
        assertNotEquals(hash.runTask(3), hash.runTask(4));
    }
}
