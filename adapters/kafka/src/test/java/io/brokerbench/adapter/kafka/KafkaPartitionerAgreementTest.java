package io.brokerbench.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.brokerbench.commons.Murmur2;
import io.brokerbench.plan.KafkaPartitioner;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/** The plan's partitioner is Kafka's: the partition the plan gives a key is the one Kafka would pick. */
class KafkaPartitionerAgreementTest {

  @Test
  void planPartitionEqualsKafkasBuiltInPartitionerForTheFirstHundredThousandKeys() {
    int[] partitionCounts = {1, 2, 3, 4, 6, 7, 12, 16, 50, 64, 100};
    for (int k = 0; k < 100_000; k++) {
      byte[] key = KafkaPartitioner.keyBytes(k);
      assertEquals(Utils.murmur2(key), Murmur2.hash(key), "murmur2 of key-" + k);
      for (int n : partitionCounts) {
        assertEquals(BuiltInPartitioner.partitionForKey(key, n), KafkaPartitioner.partition(key, n),
            "partition of key-" + k + " among " + n);
      }
    }
  }

  @Property(tries = 2000)
  void planPartitionEqualsKafkasForArbitraryKeyBytes(@ForAll byte[] key, @ForAll @IntRange(min = 1, max = 1000) int partitions) {
    assertEquals(BuiltInPartitioner.partitionForKey(key, partitions), KafkaPartitioner.partition(key, partitions));
  }
}
