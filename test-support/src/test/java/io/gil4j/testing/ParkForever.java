package io.gil4j.testing;

import java.util.concurrent.locks.LockSupport;

/** A child JVM's main that says it started and then never ends: what a hung test application looks like. */
public final class ParkForever {

    private ParkForever() {}

    public static void main(String[] args) {
        System.out.println("parking");
        System.out.flush();
        while (true) {
            LockSupport.park(); // the behaviour under test: a JVM that does not exit by itself
        }
    }
}
