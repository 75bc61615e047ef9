package care.homeprogram.local;

/** The application of {@link AotCacheTest}'s real JVM runs: a jar that starts, says so and exits. */
public final class AotSampleMain {
    private AotSampleMain() {
    }

    public static void main(String[] args) {
        System.out.println("sample started with " + java.util.List.of(args).size() + " arguments");
    }
}
