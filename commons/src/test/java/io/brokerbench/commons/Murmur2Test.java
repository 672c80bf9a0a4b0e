package io.brokerbench.commons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Murmur2Test {

  /** The vectors of Kafka's own UtilsTest.testMurmur2. */
  @ParameterizedTest
  @CsvSource({
      "21, -973932308",
      "foobar, -790332482",
      "a-little-bit-long-string, -985981536",
      "a-little-bit-longer-string, -1486304829",
      "lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8, -58897971",
      "abc, 479470107"})
  void hashMatchesKafkasReferenceVectors(String key, int expected) {
    assertEquals(expected, Murmur2.hash(key.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void toPositiveClearsTheSignBitInsteadOfNegating() {
    assertEquals(0, Murmur2.toPositive(Integer.MIN_VALUE));
    assertEquals(Integer.MAX_VALUE, Murmur2.toPositive(-1));
    assertEquals(5, Murmur2.toPositive(5));
  }

  @ParameterizedTest
  @CsvSource({"foobar, 50, 16", "foobar, 1, 0"})
  void partitionIsPositiveHashModuloPartitions(String key, int partitions, int expected) {
    assertEquals(expected, Murmur2.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions));
  }

  @Test
  void rejectsAPartitionCountBelowOne() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Murmur2.partitionForKey(new byte[] {1}, 0));
    assertEquals("partitions must be >= 1, was 0", e.getMessage());
  }
}
