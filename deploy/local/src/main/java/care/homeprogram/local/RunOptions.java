package care.homeprogram.local;

import java.nio.file.Path;

/** The options of {@code ./homeprogram run} and {@code ./homeprogram reset}. */
public record RunOptions(Path data, int portOffset, boolean fresh, boolean yes) {
    public static final String USAGE = """
            usage: ./homeprogram run [--data DIR] [--port-offset N] [--fresh [--yes]]
                   ./homeprogram reset [--data DIR] [--yes]

              --data DIR        where the platform keeps its data and logs (default: $HOMEPROGRAM_DATA, else ./data)
              --port-offset N   add N to every documented port, to run beside another platform
              --fresh           delete the data first (asks; --yes does not): new realm, new demo data
              --yes             do not ask before deleting data
            """;

    public static RunOptions parse(String[] args) {
        String data = null;
        int offset = 0;
        boolean fresh = false;
        boolean yes = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = value(args, ++i, "--data");
                case "--port-offset" -> offset = offset(value(args, ++i, "--port-offset"));
                case "--fresh" -> fresh = true;
                case "--yes", "-y" -> yes = true;
                default -> throw new DataFolder.Refusal("unknown option '" + args[i] + "'\n" + USAGE);
            }
        }
        return new RunOptions(DataFolder.resolve(data), offset, fresh, yes);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new DataFolder.Refusal(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static int offset(String text) {
        try {
            int offset = Integer.parseInt(text);
            // The highest documented port is 15432 (PostgreSQL); every shifted port must stay a valid one.
            if (offset < 0 || offset > 50_000) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw new DataFolder.Refusal("--port-offset takes a number from 0 to 50000, not '" + text + "'");
        }
    }
}
