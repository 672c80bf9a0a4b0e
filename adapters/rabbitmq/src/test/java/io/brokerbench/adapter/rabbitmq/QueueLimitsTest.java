package io.brokerbench.adapter.rabbitmq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class QueueLimitsTest {

  private static QueueLimits ttl(Duration ttl) {
    return new QueueLimits(Optional.of(ttl), OptionalLong.empty(), QueueLimits.Overflow.DROP_HEAD, OptionalLong.empty(),
        false);
  }

  @Test
  void overflowIsSpelledAsRabbitMqSpellsIt() {
    assertArrayEquals(new String[] {"drop-head", "reject-publish", "reject-publish-dlx"}, QueueLimits.Overflow.arguments());
    for (QueueLimits.Overflow o : QueueLimits.Overflow.values()) {
      assertEquals(o, QueueLimits.Overflow.fromArgument(o.argument()));
    }
  }

  @Test
  void messageTtlIsWholeMillisecondsWithinTheBrokersTimer() {
    assertEquals(0L, ttl(Duration.ZERO).arguments("dlx").get("x-message-ttl"));
    assertEquals(QueueLimits.MAX_TTL_MILLIS,
        ttl(Duration.ofMillis(QueueLimits.MAX_TTL_MILLIS)).arguments("dlx").get("x-message-ttl"));
    IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class, () -> ttl(Duration.ofNanos(1_500_000)));
    assertEquals("queue.message-ttl must be a duration from 0ms to 4294967295ms in whole milliseconds, found 1500us",
        fraction.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ttl(Duration.ofMillis(QueueLimits.MAX_TTL_MILLIS + 1)));
    assertThrows(IllegalArgumentException.class, () -> ttl(Duration.ofMillis(-1)));
  }

  @Test
  void negativeLengthsAndLimitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new QueueLimits(Optional.empty(), OptionalLong.of(-1),
        QueueLimits.Overflow.DROP_HEAD, OptionalLong.empty(), false));
    assertThrows(IllegalArgumentException.class, () -> new QueueLimits(Optional.empty(), OptionalLong.empty(),
        QueueLimits.Overflow.DROP_HEAD, OptionalLong.of(-1), false));
  }

  @Test
  void overflowIsAnArgumentOnlyWithAMaximumLength() {
    QueueLimits max = new QueueLimits(Optional.empty(), OptionalLong.of(7), QueueLimits.Overflow.REJECT_PUBLISH_DLX,
        OptionalLong.empty(), false);
    assertEquals("reject-publish-dlx", max.arguments("dlx").get("x-overflow"));
    assertNull(ttl(Duration.ofSeconds(1)).arguments("dlx").get("x-overflow"));
  }
}
