package io.brokerbench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KafkaPartitionerTest {

  /** The vectors of Kafka's own UtilsTest.testMurmur2. */
  @ParameterizedTest
  @CsvSource({
      "21, -973932308",
      "foobar, -790332482",
      "a-little-bit-long-string, -985981536",
      "a-little-bit-longer-string, -1486304829",
      "lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8, -58897971",
      "abc, 479470107"})
  void murmur2MatchesKafkasReferenceVectors(String key, int expected) {
    assertEquals(expected, KafkaPartitioner.murmur2(key.getBytes(StandardCharsets.UTF_8)));
  }

  @ParameterizedTest
  @CsvSource({"foobar, 50, 16"})
  void partitionIsPositiveHashModuloPartitions(String key, int partitions, int expected) {
    assertEquals(expected, KafkaPartitioner.partition(key.getBytes(StandardCharsets.UTF_8), partitions));
  }

  @ParameterizedTest
  @CsvSource({"0, key-0", "17, key-17"})
  void keyBytesAreUtf8OfKeyDashIndex(int k, String expected) {
    assertEquals(expected, new String(KafkaPartitioner.keyBytes(k), StandardCharsets.UTF_8));
  }
}
