package io.brokerbench.adapter.rabbitmq;

import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.Guarantee.Survival;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the settings of target {@code rabbitmq} promise about a confirmed message, as RabbitMQ
 * documents it (3.x and 4.x, one node):
 *
 * <ul>
 *   <li>A persistent message on a durable classic queue is confirmed once the queue has written it
 *       and the message store or queue index has fsynced it (the store syncs in batches, every few
 *       hundred milliseconds under load, which is what confirm latency shows; a message consumed and
 *       acknowledged before that may be confirmed unwritten, as it no longer needs to survive). It
 *       survives a kill and a power loss.
 *   <li>A transient message, or any message on a transient (non-durable) classic queue, is confirmed
 *       once the queue holds it in memory; a restart loses it, whatever it survived before.
 *   <li>A quorum queue writes every message to its Raft log and confirms once a majority of its
 *       replicas have written and fsynced it.
 *   <li>A stream writes every message to its segment files and confirms once a majority of its
 *       replicas have written it, but never fsyncs: the operating system flushes its page cache when it
 *       likes. A kill of the broker loses nothing written; a power loss can lose what was not flushed.
 *   <li>Without publisher confirms a send completes once the client has written the frame: what is
 *       still in flight (socket buffers, the broker's own buffers) is lost by a kill, so at best some
 *       of what the harness counts as sent survives.
 * </ul>
 *
 * <p>The target speaks to one node as far as it can tell: a private node and a container are one
 * node, and an external server's cluster size is not visible over AMQP 0-9-1. So the replicas are
 * always 1; on a cluster, quorum queues and streams replicate further than stated, never less.
 *
 * <p>Pure functions of their arguments; thread-safe.
 */
final class RabbitMqGuarantee {
  private RabbitMqGuarantee() {}

  /** Where a queue keeps a confirmed message, and what that promises with confirms on. */
  private enum Storage {
    /** In the queue process's memory only. */
    MEMORY(ConfirmPoint.RECEIVED, Survival.NONE, Survival.NONE),
    /** Written and fsynced before the confirm. */
    FSYNCED_DISK(ConfirmPoint.FSYNC, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED),
    /** Written to the operating system's page cache before the confirm, fsynced whenever the OS flushes. */
    PAGE_CACHE(ConfirmPoint.PAGE_CACHE, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED);

    final ConfirmPoint confirmedWhen;
    final Survival brokerKill;
    final Survival powerLoss;

    Storage(ConfirmPoint confirmedWhen, Survival brokerKill, Survival powerLoss) {
      this.confirmedWhen = confirmedWhen;
      this.brokerKill = brokerKill;
      this.powerLoss = powerLoss;
    }
  }

  /**
   * The guarantee of queues of {@code type} and {@code durable}, messages published persistent or
   * not, with publisher confirms on or off. {@code persistent} is ignored where it has no effect
   * ({@link #persistentWithoutEffect}); the basis names only the settings that decided.
   */
  static Guarantee of(QueueType type, boolean durable, boolean persistent, boolean confirms) {
    List<String> basis = new ArrayList<>();
    basis.add("queue.type=" + type.yamlName());
    if (type == QueueType.CLASSIC) basis.add("queue.durable=" + durable);
    Optional<String> persistentIgnored = persistentWithoutEffect(type, durable);
    if (persistentIgnored.isEmpty()) basis.add("message.persistent=" + persistent);
    basis.add("producer.confirms=" + confirms);
    Storage storage = storage(type, durable, persistent);
    String text = String.join(", ", basis);
    if (confirms) return new Guarantee(storage.confirmedWhen, 1, storage.brokerKill, storage.powerLoss, text);
    // A frame written to the socket may still be lost on its way into the queue.
    return new Guarantee(ConfirmPoint.NOT_CONFIRMED, 0, atMostSome(storage.brokerKill), atMostSome(storage.powerLoss), text);
  }

  /**
   * Why {@code message.persistent} has no effect on queues of {@code type} and {@code durable}, or
   * empty when it decides whether messages are written to disk.
   */
  static Optional<String> persistentWithoutEffect(QueueType type, boolean durable) {
    return switch (type) {
      case QUORUM -> Optional.of("quorum queues write every message to disk");
      case STREAM -> Optional.of("streams write every message to disk");
      case CLASSIC -> durable ? Optional.empty()
          : Optional.of("a transient queue and its messages are gone after a restart");
    };
  }

  private static Storage storage(QueueType type, boolean durable, boolean persistent) {
    return switch (type) {
      case QUORUM -> Storage.FSYNCED_DISK;
      case STREAM -> Storage.PAGE_CACHE;
      case CLASSIC -> durable && persistent ? Storage.FSYNCED_DISK : Storage.MEMORY;
    };
  }

  private static Survival atMostSome(Survival survival) {
    return survival == Survival.ALL_CONFIRMED ? Survival.SOME_CONFIRMED : survival;
  }
}
