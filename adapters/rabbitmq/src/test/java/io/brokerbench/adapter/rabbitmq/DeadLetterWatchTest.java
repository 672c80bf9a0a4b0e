package io.brokerbench.adapter.rabbitmq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.client.LongString;
import com.rabbitmq.client.impl.LongStringHelper;
import io.brokerbench.spi.RemovalReason;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadLetterWatchTest {
  private static final Map<String, Integer> QUEUES = Map.of("bb-r1-s0-d0-p0", 0, "bb-r1-s1-d0-p0", 1);

  /** One x-death entry as the client decodes it: text fields are LongStrings. */
  private static Map<String, Object> death(String queue, String reason) {
    Map<String, Object> entry = new HashMap<>();
    entry.put("queue", LongStringHelper.asLongString(queue));
    entry.put("reason", LongStringHelper.asLongString(reason));
    entry.put("count", 1L);
    entry.put("exchange", LongStringHelper.asLongString("bb-r1-d0-p0"));
    return entry;
  }

  private static Map<String, Object> headers(List<Map<String, Object>> deaths) {
    return Map.of("x-death", List.copyOf(deaths));
  }

  @Test
  void eachXDeathReasonMapsToItsRemovalReason() {
    assertEquals(Optional.of(RemovalReason.EXPIRED), DeadLetterWatch.reasonOf("expired"));
    assertEquals(Optional.of(RemovalReason.MAX_LENGTH), DeadLetterWatch.reasonOf("maxlen"));
    assertEquals(Optional.of(RemovalReason.DELIVERY_LIMIT), DeadLetterWatch.reasonOf("delivery_limit"));
    assertEquals(Optional.of(RemovalReason.REJECTED), DeadLetterWatch.reasonOf("rejected"));
    assertEquals(Optional.empty(), DeadLetterWatch.reasonOf("deleted"));
  }

  @Test
  void theQueueOfTheMostRecentDeathNamesTheSubscription() {
    Map<String, Object> h = headers(List.of(death("bb-r1-s1-d0-p0", "maxlen"), death("bb-r1-s0-d0-p0", "expired")));
    assertEquals(Optional.of(new DeadLetterWatch.Removal(1, RemovalReason.MAX_LENGTH)), DeadLetterWatch.attribute(h, QUEUES));
    assertEquals(Optional.of(new DeadLetterWatch.Removal(0, RemovalReason.EXPIRED)),
        DeadLetterWatch.attribute(headers(List.of(death("bb-r1-s0-d0-p0", "expired"))), QUEUES));
  }

  @Test
  void deadLettersThatCannotBePlacedAreNotAttributed() {
    assertEquals(Optional.empty(), DeadLetterWatch.attribute(null, QUEUES));
    assertEquals(Optional.empty(), DeadLetterWatch.attribute(Map.of(), QUEUES));
    assertEquals(Optional.empty(), DeadLetterWatch.attribute(headers(List.of()), QUEUES));
    assertEquals(Optional.empty(), DeadLetterWatch.attribute(headers(List.of(death("bb-other-s0-d0-p0", "expired"))), QUEUES));
    assertEquals(Optional.empty(), DeadLetterWatch.attribute(headers(List.of(death("bb-r1-s0-d0-p0", "deleted"))), QUEUES));
    Map<String, Object> noQueue = death("bb-r1-s0-d0-p0", "expired");
    noQueue.remove("queue");
    assertEquals(Optional.empty(), DeadLetterWatch.attribute(headers(List.of(noQueue)), QUEUES));
    assertEquals(Optional.empty(), DeadLetterWatch.attribute(Map.of("x-death", "not a list"), QUEUES));
    LongString text = LongStringHelper.asLongString("x");
    assertEquals(Optional.empty(), DeadLetterWatch.attribute(Map.of("x-death", List.of(text)), QUEUES));
  }
}
