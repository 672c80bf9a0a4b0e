package io.brokerbench.adapter.rabbitmq;

import io.brokerbench.spi.SettingSpec.Range;
import io.brokerbench.spi.SettingType;
import io.brokerbench.spi.SettingsException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The queue settings under which RabbitMQ removes messages without delivering them, each off by
 * default. When any is on, or dead-lettering is asked for, every queue of the run dead-letters into
 * the run's dead-letter exchange ({@link #deadLetters()}), and the target reports each message that
 * arrives there as removed, with the reason from its {@code x-death} header.
 *
 * @param messageTtl {@code x-message-ttl}: how long a message may wait ready in a queue before it
 *     expires; whole milliseconds, 0 to {@link #MAX_TTL_MILLIS}; empty: messages never expire
 * @param maxLength {@code x-max-length}: most ready messages a queue holds (messages delivered and
 *     not yet acknowledged do not count), ≥ 0; empty: unbounded
 * @param overflow {@code x-overflow}: what a queue at {@code maxLength} does with one more message;
 *     has no effect without {@code maxLength}
 * @param deliveryLimit {@code x-delivery-limit} (quorum queues): how many times a message may be
 *     returned to its queue (rejected with requeue, or its consumer closed before acknowledging it)
 *     before it is removed, ≥ 0; empty: the broker's default (no limit before RabbitMQ 4.0, 20 from
 *     4.0)
 * @param deadLetterAsked setting {@code queue.dead-letter}: dead-letter even with no limit set, so
 *     messages rejected without requeue are counted as removed (rejected) instead of lost
 */
public record QueueLimits(Optional<Duration> messageTtl, OptionalLong maxLength, Overflow overflow, OptionalLong deliveryLimit,
    boolean deadLetterAsked) {
  /** The longest message TTL RabbitMQ accepts, in milliseconds (its Erlang timer's limit, 2^32 - 1). */
  static final long MAX_TTL_MILLIS = 4_294_967_295L;

  /** The message TTLs RabbitMQ accepts, in nanoseconds: whole milliseconds from 0 to {@link #MAX_TTL_MILLIS}. */
  static final Range MESSAGE_TTL = Range.of(Duration.ZERO, Duration.ofMillis(MAX_TTL_MILLIS)).inSteps(1_000_000);

  /** The maximum lengths and delivery limits RabbitMQ accepts: 0 or more. */
  static final Range COUNT = Range.atLeast(0);

  /** No limit, no dead-lettering. */
  static final QueueLimits NONE = new QueueLimits(Optional.empty(), OptionalLong.empty(), Overflow.DROP_HEAD,
      OptionalLong.empty(), false);

  /** What a queue at its maximum length does with one more message ({@code x-overflow}). */
  public enum Overflow {
    /** Removes the oldest ready message to make room: dead-lettered with reason {@code maxlen}. */
    DROP_HEAD,
    /** Refuses the new message: its publish is negatively confirmed; nothing is removed. */
    REJECT_PUBLISH,
    /** As {@link #REJECT_PUBLISH}, and dead-letters the refused message (classic queues only). */
    REJECT_PUBLISH_DLX;

    /** The argument's value, as RabbitMQ spells it. */
    String argument() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Overflow fromArgument(String text) {
      return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    static String[] arguments() {
      Overflow[] all = values();
      String[] out = new String[all.length];
      for (int i = 0; i < all.length; i++) out[i] = all[i].argument();
      return out;
    }
  }

  public QueueLimits {
    messageTtl.ifPresent(ttl -> require("queue.message-ttl", SettingType.DURATION, MESSAGE_TTL, ttl.toNanos()));
    maxLength.ifPresent(max -> require("queue.max-length", SettingType.INTEGER, COUNT, max));
    deliveryLimit.ifPresent(limit -> require("queue.delivery-limit", SettingType.INTEGER, COUNT, limit));
    if (overflow == null) throw new SettingsException("queue.overflow", "queue.overflow must be set");
  }

  private static void require(String setting, SettingType type, Range range, long value) {
    if (!range.accepts(value)) {
      throw new SettingsException(setting, setting + " must be " + range.describe(type) + ", found "
          + Range.format(type, value));
    }
  }

  /** Whether any limit is set. */
  boolean anyLimit() {
    return messageTtl.isPresent() || maxLength.isPresent() || deliveryLimit.isPresent();
  }

  /** Whether the run's queues dead-letter into the run's dead-letter exchange: asked for, or any limit set. */
  boolean deadLetters() {
    return deadLetterAsked || anyLimit();
  }

  /**
   * Why queues of {@code type} cannot have these limits, or empty when they can: streams take none
   * (they keep messages by retention and never dead-letter), only quorum queues have a delivery
   * limit, and quorum queues do not dead-letter refused publishes.
   */
  Optional<String> refusalFor(QueueType type) {
    if (type == QueueType.STREAM) {
      if (messageTtl.isPresent()) return Optional.of(notOnStreams("queue.message-ttl"));
      if (maxLength.isPresent()) return Optional.of(notOnStreams("queue.max-length"));
      if (deliveryLimit.isPresent()) return Optional.of(notOnStreams("queue.delivery-limit"));
      if (deadLetterAsked) return Optional.of(notOnStreams("queue.dead-letter"));
    }
    if (type != QueueType.QUORUM && deliveryLimit.isPresent()) {
      return Optional.of("queue.delivery-limit needs queue.type quorum (RabbitMQ counts deliveries on quorum queues only), "
          + "found queue.type " + type.yamlName());
    }
    if (type == QueueType.QUORUM && maxLength.isPresent() && overflow == Overflow.REJECT_PUBLISH_DLX) {
      return Optional.of("queue.overflow reject-publish-dlx is not supported by quorum queues; use drop-head or reject-publish");
    }
    return Optional.empty();
  }

  private static String notOnStreams(String setting) {
    return setting + " is not supported by queue.type stream (a stream keeps messages by retention and never "
        + "dead-letters)";
  }

  /**
   * The {@code queue.declare} arguments of these limits, in a fixed order; dead-lettering into
   * {@code deadLetterExchange} when {@link #deadLetters()}. Empty when nothing is set.
   */
  Map<String, Object> arguments(String deadLetterExchange) {
    Map<String, Object> out = new LinkedHashMap<>();
    messageTtl.ifPresent(ttl -> out.put("x-message-ttl", ttl.toMillis()));
    maxLength.ifPresent(max -> {
      out.put("x-max-length", max);
      out.put("x-overflow", overflow.argument());
    });
    deliveryLimit.ifPresent(limit -> out.put("x-delivery-limit", limit));
    if (deadLetters()) out.put("x-dead-letter-exchange", deadLetterExchange);
    return out;
  }
}
