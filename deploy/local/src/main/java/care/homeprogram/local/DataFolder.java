package care.homeprogram.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The folder in which {@code ./homeprogram run} keeps everything it must not forget: PostgreSQL's data (every
 * service's database and Keycloak's), Kafka's log, the services' configuration, and the logs of the last run.
 *
 * <p>One run at a time owns it (a file lock the operating system releases when the launcher dies, however it dies).
 * Every process a run starts carries {@link #ownerOption(Path)} on its command line, so a later run can find and stop
 * what a killed launcher left behind without trusting a PID that may since belong to someone else.
 */
public final class DataFolder implements AutoCloseable {
    /** The variable that moves the data folder; {@code --data DIR} does the same for one command. */
    public static final String VARIABLE = "HOMEPROGRAM_DATA";
    private static final String LOCK = ".lock";
    private static final String LAUNCHER_PID = "launcher.pid";
    private static final String PROCESSES = "processes.txt";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataFolder(Path path, FileChannel lockChannel, FileLock lock) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** {@code --data} if given, else $HOMEPROGRAM_DATA, else {@code data/} in the repository (ignored by git). */
    public static Path resolve(String given) {
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath().normalize();
        }
        String configured = System.getenv(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return Repository.root().resolve("data");
    }

    /**
     * Takes the folder for this process, or refuses with what holds it and how to stop that.
     *
     * @throws Refusal when another run uses the folder
     */
    public static DataFolder claim(Path path) {
        try {
            Files.createDirectories(path);
            FileChannel channel = FileChannel.open(path.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                String holder = readLauncherPid(path).map(pid -> " (launcher pid " + pid + ")").orElse("");
                String stop = readLauncherPid(path).map(pid -> "kill " + pid).orElse("stop it");
                throw new Refusal("another './homeprogram run'" + holder + " is using the data folder " + path
                        + ". Stop it with Ctrl-C in its terminal, or: " + stop);
            }
            Files.writeString(path.resolve(LAUNCHER_PID), Long.toString(ProcessHandle.current().pid()));
            return new DataFolder(path, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("could not use the data folder " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    /** The argument that marks a child process as belonging to the run of {@code folder}. */
    public static String ownerOption(Path folder) {
        return "-Dhomeprogram.owner=" + folder.toAbsolutePath().normalize();
    }

    /**
     * Stops whatever an earlier run of this folder left running (its launcher was killed, or the machine lost
     * power): first the marked processes (services, Keycloak, Kafka), then the PostgreSQL server of
     * {@code postgres/}, gracefully where they still answer. PostgreSQL and Kafka then recover their logs at start.
     *
     * @return a line per process stopped, for the launcher to report
     */
    public List<String> stopLeftovers() {
        List<String> stopped = new ArrayList<>();
        List<ProcessHandle> marked = markedProcesses(path);
        if (!marked.isEmpty()) {
            stopped.addAll(marked.stream().map(DataFolder::describe).toList());
            terminate(marked);
        }
        stopPostmaster(path.resolve("postgres")).ifPresent(stopped::add);
        return stopped;
    }

    /** Records the processes of this run for people and scripts; recovery never trusts it alone. */
    public void recordProcesses(Map<String, Long> processes) {
        String text = processes.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining("\n", "", "\n"));
        try {
            Files.writeString(path.resolve(PROCESSES), text);
        } catch (IOException e) {
            throw new UncheckedIOException("could not record the processes in " + path, e);
        }
    }

    /** Deletes everything in the folder but its lock: the next run starts with a new realm and the demo data. */
    public void wipe() {
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(path) && !p.equals(path.resolve(LOCK))) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the data in " + path, e);
        }
    }

    /** True when the folder holds data of an earlier run (a PostgreSQL cluster). */
    public boolean hasData() {
        return Files.exists(path.resolve("postgres/PG_VERSION"));
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path.resolve(PROCESSES));
            Files.deleteIfExists(path.resolve(LAUNCHER_PID));
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            Progress.say("could not release the data folder " + path + ": " + e.getMessage());
        }
    }

    /** Every process of this machine whose command line names {@code folder} as its owner. */
    public static List<ProcessHandle> markedProcesses(Path folder) {
        String marker = ownerOption(folder);
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> arguments(p).contains(marker))
                .toList();
    }

    /**
     * A process's arguments. The JDK gives up on command lines over 4 KB (Kafka's classpath makes one), so
     * Linux's /proc is read first; elsewhere the JDK's view is the best there is.
     */
    static List<String> arguments(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return List.of(new String(Files.readAllBytes(cmdline), java.nio.charset.StandardCharsets.UTF_8).split("\0"));
            }
        } catch (IOException e) {
            // the process ended while we looked
            return List.of();
        }
        return process.info().arguments().map(List::of)
                .or(() -> process.info().commandLine().map(line -> List.of(line.split(" "))))
                .orElse(List.of());
    }

    /** SIGTERM to each process and its children, then SIGKILL to what is still there after 30 s. */
    public static void terminate(List<ProcessHandle> processes) {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle process : processes) {
            all.addAll(process.descendants().toList());
            all.add(process);
        }
        all.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plusSeconds(30);
        for (ProcessHandle process : all) {
            try {
                process.onExit().get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()),
                        TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * PostgreSQL runs detached from the launcher (pg_ctl), so a killed launcher leaves it running. Its
     * postmaster.pid names it; SIGINT is PostgreSQL's fast shutdown (in-flight transactions roll back, everything
     * committed is on disk). A stale pid file of a postmaster that is gone is removed, so a reused PID cannot
     * stop PostgreSQL from starting.
     */
    static Optional<String> stopPostmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
            if (postmaster.isEmpty()) {
                Files.deleteIfExists(pidFile);
                return Optional.empty();
            }
            signal("INT", pid);
            if (!awaitExit(postmaster.get(), Duration.ofSeconds(60))) {
                signal("QUIT", pid);
                awaitExit(postmaster.get(), Duration.ofSeconds(10));
            }
            return Optional.of("PostgreSQL (pid " + pid + ")");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("could not stop the PostgreSQL server of an earlier run in "
                    + dataDirectory + " (" + e.getMessage() + "): stop it with 'kill -INT $(head -1 " + pidFile
                    + ")', then start again", e);
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }

    private static void signal(String signal, long pid) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static Optional<Long> readLauncherPid(Path folder) {
        try {
            return Optional.of(Long.parseLong(Files.readString(folder.resolve(LAUNCHER_PID)).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String describe(ProcessHandle process) {
        String what = role(arguments(process));
        return what + " (pid " + process.pid() + ")";
    }

    private static String role(List<String> arguments) {
        String joined = String.join(" ", arguments);
        if (joined.contains("kafka.Kafka")) {
            return "Kafka";
        }
        if (joined.contains("keycloak")) {
            return "Keycloak";
        }
        for (Service service : Service.values()) {
            if (joined.contains("services/" + service.directory() + "/")) {
                return service.clientId();
            }
        }
        return "a process";
    }

    /** A reason not to start that the user can act on; the launcher prints it without a stack trace. */
    public static final class Refusal extends RuntimeException {
        public Refusal(String message) {
            super(message);
        }
    }
}
