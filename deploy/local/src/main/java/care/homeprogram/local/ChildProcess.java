package care.homeprogram.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A process of the stack (Keycloak, Kafka, a service) with its output in a log file. Stopping it ends the
 * whole process tree, because launchers such as kc.sh start the real JVM as a child.
 */
public final class ChildProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final Duration stopGrace;

    private ChildProcess(String name, Process process, Path log, Duration stopGrace) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stopGrace = stopGrace;
    }

    /** The usual time a process gets between SIGTERM and being killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(30);

    public static ChildProcess start(String name, List<String> command, java.util.Map<String, String> environment,
            Path workingDirectory, Path log) {
        return start(name, command, environment, workingDirectory, log, STOP_GRACE);
    }

    /**
     * @param stopGrace how long {@link #close()} waits after SIGTERM before it kills: longer for a JVM that writes an
     *                  AOT cache as it exits
     */
    public static ChildProcess start(String name, List<String> command, java.util.Map<String, String> environment,
            Path workingDirectory, Path log, Duration stopGrace) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    // appended: a process restarted in place (a crash test) keeps its earlier log beside the new
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            ChildProcess child = new ChildProcess(name, process, log, stopGrace);
            // A JVM that dies (test failure, Ctrl-C) must not leave its children running.
            Runtime.getRuntime().addShutdownHook(new Thread(child::close, "stop-" + name));
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + command, e);
        }
    }

    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        Instant nextReport = start.plusSeconds(10);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " before it was ready; last lines of " + log + ":\n" + tail(40));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds()
                        + " s; last lines of " + log + ":\n" + tail(40));
            }
            if (Instant.now().isAfter(nextReport)) {
                Progress.say("still waiting for " + name + " (" + Progress.since(start) + ", log: " + log + ")");
                nextReport = Instant.now().plusSeconds(10);
            }
            pause();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Graceful first (SIGTERM lets services finish in-flight work), then forceful. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : tree) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** Kill without a chance to clean up: what a crash looks like to the rest of the platform. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
