package io.brokerbench.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KafkaPartitionerTest {

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
