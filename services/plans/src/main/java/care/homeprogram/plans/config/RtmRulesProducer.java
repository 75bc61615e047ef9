package care.homeprogram.plans.config;

import care.homeprogram.plans.rtm.CodeTable;
import care.homeprogram.plans.rtm.RtmRules;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** The RTM code table, read once at start: a missing or inconsistent table stops the service there. */
public class RtmRulesProducer {
    private static final Logger LOG = Logger.getLogger(RtmRulesProducer.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    @Produces
    @Singleton
    @Startup
    RtmRules rtmRules(RtmConfig config) {
        CodeTable table = load(config.codeTable());
        LOG.infof("RTM code table %s (from %s)", table.version(), config.codeTable());
        return new RtmRules(table);
    }

    /** A file of that path if it exists, else the classpath resource. */
    public static CodeTable load(String location) {
        try {
            Path file = Path.of(location);
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    return JSON.readValue(in, CodeTable.class);
                }
            }
            try (InputStream in = RtmRulesProducer.class.getClassLoader().getResourceAsStream(location)) {
                if (in == null) {
                    throw new IllegalStateException("RTM code table " + location + " is neither a file nor a resource");
                }
                return JSON.readValue(in, CodeTable.class);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("RTM code table " + location + " cannot be read", e);
        }
    }
}
