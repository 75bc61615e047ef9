package care.homeprogram.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The services' JVM options (docs/deploy.md, "JVM sizing") must start the JDK that runs them. */
class ServiceJvmTest {

    @Test
    void the_jdk_running_the_services_starts_with_their_options() throws Exception {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable()));
        command.addAll(ServiceJvm.OPTIONS);
        command.add("-version");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as("exit code of %s:%n%s", command, output).isZero();
        assertThat(output).doesNotContain("Unrecognized VM option", "must be enabled via");
    }

    @Test
    void the_c_heap_is_trimmed_only_where_the_option_is_a_product_option() {
        assertThat(ServiceJvm.options(25)).contains("-XX:TrimNativeHeapInterval=5000");
        assertThat(ServiceJvm.options(22)).contains("-XX:TrimNativeHeapInterval=5000");
        // JDK 21 has it only as an experimental option: it would refuse to start the services.
        assertThat(ServiceJvm.options(21)).noneMatch(option -> option.contains("TrimNativeHeap"))
                .containsAll(ServiceJvm.options(25).stream().filter(option -> !option.contains("TrimNativeHeap")).toList());
    }
}
