package io.gil4j.it.app;

import io.gil4j.api.Gil4j;
import io.gil4j.api.Mode;
import io.gil4j.testing.Eventually;
import io.gil4j.testing.ForkedProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs without the agent and reads the API; attaches the agent to itself by PID through the agent's CLI
 * (a separate JVM, as a user would), first with an unknown key and with a bad value, which the agent must
 * refuse, then with {@code mode=gil}, and prints what the API says afterwards. Then it
 * attaches a second time with another configuration, prints that command's exit code and standard error,
 * and lets four threads add to one unsynchronized counter through a call in a loop: the first agent's lock
 * must still serialise them. Only the counter is selected, so this driver never holds the lock and nothing
 * here republishes the clearance after the second attach: a losing attach that published its own (everyone
 * may pass, in its initial {@code native}) would let the threads race for as long as nobody asks the lock.
 *
 * <p>Argument: the agent jar. Prints {@code key=value} lines. Needs the test support on its class path.
 */
public final class AttachApp {

    /** Within the deadline of the test that runs this JVM: a hung attach shows its own threads. */
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        String agentJar = args[0];
        System.out.println("before: present=" + Gil4j.isAgentPresent() + " mode="
                + Gil4j.mode().configName());
        System.out.println("unknown key: " + attach(agentJar, "switch-intervall=5ms"));
        System.out.println("bad value: " + attach(agentJar, "mode=turbo"));
        String onlyTheCounter = "include=" + SharedCounter.class.getName();
        System.out.println("first attach: " + attach(agentJar, "gil4j.mode=gil,control.port=0," + onlyTheCounter));
        Eventually.await(
                "the attached agent in gil",
                Duration.ofSeconds(5),
                Duration.ofMillis(20),
                () -> Gil4j.mode() == Mode.GIL);
        System.out.println("after: present=" + Gil4j.isAgentPresent() + " mode="
                + Gil4j.mode().configName());
        System.out.println("second attach: " + attach(agentJar, "mode=native,control.port=0"));
        int threads = 4;
        int perThread = 500_000;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> SharedCounter.increment(perThread));
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.println("count=" + SharedCounter.count() + " expected=" + (long) threads * perThread + " mode="
                + Gil4j.mode().configName());
    }

    /**
     * Runs {@code attach <own pid> argument} on this JVM's JDK, for at most {@link #CLI_TIMEOUT} (then its threads
     * are dumped and it is killed: {@link ForkedProcess#awaitExit}); "exit N: its standard error on one line".
     */
    static String attach(String agentJar, String argument) throws InterruptedException {
        ForkedProcess.Result cli = ForkedProcess.run(
                List.of(
                        ForkedProcess.currentJava(),
                        "-jar",
                        agentJar,
                        "attach",
                        Long.toString(ProcessHandle.current().pid()),
                        argument),
                Map.of(),
                CLI_TIMEOUT);
        return "exit " + cli.exitCode() + ": " + cli.stderr().strip().replace('\n', ' ');
    }
}
