package care.homeprogram.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

/**
 * Every stack start formats Kafka's storage with a new cluster id, passed to the storage tool on its command line: an
 * id starting with '-' is read there as an option and the stack does not start (seen once in a benchmark run; a plain
 * base64url of 16 random bytes starts so once in 64).
 */
class KafkaClusterIdTest {

    @Test
    void no_cluster_id_reads_as_an_option_and_each_is_one_kafka_accepts() {
        IntStream.range(0, 20_000).mapToObj(i -> KafkaBroker.newClusterId()).forEach(id -> {
            assertThat(id).doesNotStartWith("-").hasSize(22);
            assertThat(Uuid.fromString(id).toString()).isEqualTo(id);
        });
    }
}
