package care.homeprogram.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** {@code ./homeprogram reset}: deletes the local run's data after asking, so the next run starts over. */
public final class ResetMain {
    static {
        // zonky's PostgreSQL logs through SLF4J; the launcher speaks for itself (Progress), so no provider is wanted
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "ERROR");
    }

    private ResetMain() {
    }

    public static void main(String[] args) {
        if (java.util.List.of(args).contains("--help") || java.util.List.of(args).contains("-h")) {
            System.out.print(RunOptions.USAGE);
            return;
        }
        try {
            RunOptions options = RunOptions.parse(args);
            try (DataFolder data = DataFolder.claim(options.data())) {
                reset(data, options.yes());
            }
        } catch (DataFolder.Refusal refusal) {
            Progress.say(refusal.getMessage());
            System.exit(2);
        }
    }

    /** Stops what an earlier run left, then deletes the data, once the user has said yes (or passed --yes). */
    static void reset(DataFolder data, boolean yes) {
        if (!data.hasData()) {
            Progress.say("no data to delete in " + data.path());
            return;
        }
        if (!yes && !confirmed(data)) {
            throw new DataFolder.Refusal("nothing was deleted");
        }
        data.stopLeftovers().forEach(p -> Progress.say("stopped " + p + ", left by an earlier run"));
        data.wipe();
        Progress.say("deleted the data in " + data.path() + "; the next run imports the realm and the demo data anew");
    }

    private static boolean confirmed(DataFolder data) {
        if (System.console() == null) {
            throw new DataFolder.Refusal("this deletes every patient, plan, session and audit record of the local run"
                    + " in " + data.path() + "; without a terminal to ask, confirm with --yes");
        }
        System.err.print("[homeprogram] this deletes every patient, plan, session and audit record of the local run in "
                + data.path() + ".\n[homeprogram] type 'yes' to delete: ");
        System.err.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.trim().equalsIgnoreCase("yes");
        } catch (IOException e) {
            return false;
        }
    }
}
