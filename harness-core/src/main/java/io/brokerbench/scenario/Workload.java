package io.brokerbench.scenario;

import io.brokerbench.envelope.Envelope;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerMode;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import java.time.Duration;
import java.util.List;

/**
 * A traffic shape: topology, producers, messages, consumers and timing. Rates and counts are totals
 * across producers, split evenly.
 *
 * @param name unique within a scenario
 * @param description free text, {@code ""} when none
 * @param topology destinations, partitions, routing and bindings
 * @param producers how many, how fast, how much unconfirmed
 * @param messages size, keys and routing attributes
 * @param consumers subscriptions and consumers
 * @param timing the warm-up, the measured window (a duration or a message count) and the drain
 * @param source the workload's YAML text as written
 * @param seed the seed every random draw of the workload derives from (processing times, rejects),
 *     so that two runs with the same seed draw the same sequences
 */
public record Workload(
    String name,
    String description,
    Topology topology,
    Producers producers,
    Messages messages,
    Consumers consumers,
    Timing timing,
    String source,
    long seed) {

  /** The seed of a workload that names none. */
  public static final long DEFAULT_SEED = 1;

  public Workload {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("workload name must not be blank");
    if (description == null) description = "";
    requireNonNull(topology, "topology");
    requireNonNull(producers, "producers");
    requireNonNull(messages, "messages");
    requireNonNull(consumers, "consumers");
    if (topology.bindings().size() != consumers.subscriptions()) {
      throw new IllegalArgumentException("workload " + name + ": " + topology.bindings().size()
          + " bindings for " + consumers.subscriptions() + " subscriptions; there must be one per subscription");
    }
    requireNonNull(timing, "timing");
  }

  private static void requireNonNull(Object value, String field) {
    if (value == null) throw new IllegalArgumentException(field + " must be set");
  }

  /** A workload with the default seed. */
  public Workload(String name, String description, Topology topology, Producers producers, Messages messages,
      Consumers consumers, Timing timing, String source) {
    this(name, description, topology, producers, messages, consumers, timing, source, DEFAULT_SEED);
  }

  /** A workload without a description, with the default seed. */
  public Workload(String name, Topology topology, Producers producers, Messages messages, Consumers consumers,
      Timing timing, String source) {
    this(name, "", topology, producers, messages, consumers, timing, source);
  }

  /** This workload with {@code timing} instead of its own. */
  public Workload withTiming(Timing timing) {
    return new Workload(name, description, topology, producers, messages, consumers, timing, source, seed);
  }

  /**
   * @param destinations at least 1
   * @param partitions per destination, at least 1
   * @param routing the routing type
   * @param bindings one per subscription, defaults filled in (see docs/scenario-format.md)
   */
  public record Topology(int destinations, int partitions, Routing routing, List<Binding> bindings) {
    public Topology {
      if (destinations < 1) throw new IllegalArgumentException("destinations must be >= 1, was " + destinations);
      if (partitions < 1) throw new IllegalArgumentException("partitions must be >= 1, was " + partitions);
      requireNonNull(routing, "routing");
      bindings = List.copyOf(bindings);
    }
  }

  /**
   * @param count producers, at least 1
   * @param rate total rate across producers
   * @param maxInFlight most unconfirmed messages per producer, at least 1
   * @param arrivals how a fixed rate's messages arrive; even at max rate
   */
  public record Producers(int count, Rate rate, int maxInFlight, Arrivals arrivals) {
    public Producers {
      if (count < 1) throw new IllegalArgumentException("producers.count must be >= 1, was " + count);
      requireNonNull(rate, "producers.rate");
      if (maxInFlight < 1) throw new IllegalArgumentException("producers.maxInFlight must be >= 1, was " + maxInFlight);
      requireNonNull(arrivals, "producers.arrivals");
      if (rate.isMax() && arrivals.kind() != Arrivals.Kind.EVEN) {
        throw new IllegalArgumentException("producers.arrivals needs a fixed rate");
      }
      if (arrivals.kind() == Arrivals.Kind.BURSTS && arrivals.burst() < count) {
        throw new IllegalArgumentException("a burst of " + arrivals.burst() + " leaves some of " + count + " producers nothing");
      }
    }

    /** Producers with even arrivals. */
    public Producers(int count, Rate rate, int maxInFlight) {
      this(count, rate, maxInFlight, Arrivals.EVEN);
    }
  }

  /**
   * @param sizeBytes total message size including the envelope, at least the envelope size
   * @param keys distinct keys, at least 1
   * @param variants routing attributes; message {@code id} carries {@code variants[id % size]}
   * @param keyChoice which key each message carries
   * @param content what fills each message after its envelope
   */
  public record Messages(int sizeBytes, int keys, List<MessageVariant> variants, KeyChoice keyChoice,
      PayloadContent content) {
    public Messages {
      if (sizeBytes < Envelope.SIZE) {
        throw new IllegalArgumentException("messages.size must be >= the " + Envelope.SIZE
            + "-byte envelope, was " + sizeBytes);
      }
      if (keys < 1) throw new IllegalArgumentException("messages.keys must be >= 1, was " + keys);
      variants = List.copyOf(variants);
      if (variants.isEmpty()) throw new IllegalArgumentException("messages.variants must hold at least one variant");
      requireNonNull(keyChoice, "messages.keyChoice");
      requireNonNull(content, "messages.content");
    }

    /** Zero-filled messages. */
    public Messages(int sizeBytes, int keys, List<MessageVariant> variants, KeyChoice keyChoice) {
      this(sizeBytes, keys, variants, keyChoice, PayloadContent.ZEROS);
    }

    /** Messages whose keys go round-robin. */
    public Messages(int sizeBytes, int keys, List<MessageVariant> variants) {
      this(sizeBytes, keys, variants, KeyChoice.ROUND_ROBIN);
    }
  }

  /**
   * @param subscriptions independent readers, at least 1
   * @param perSubscription consumers per subscription, at least 1
   * @param prefetch unacknowledged deliveries per consumer, at least 1
   * @param ack how deliveries are settled
   * @param processing time a consumer spends on each delivery before settling it: one distribution,
   *     or one per consumer index
   * @param sharing how a subscription's consumers share its queues or partitions
   * @param mode whether the target pushes deliveries or consumers pull them
   * @param reject which deliveries consumers reject, and whether with requeue; needs manual acks
   */
  public record Consumers(int subscriptions, int perSubscription, int prefetch, AckMode ack, Processing processing,
      ConsumerSharing sharing, ConsumerMode mode, Rejects reject) {
    public Consumers {
      if (subscriptions < 1) throw new IllegalArgumentException("consumers.subscriptions must be >= 1, was " + subscriptions);
      if (perSubscription < 1) throw new IllegalArgumentException("consumers.count must be >= 1, was " + perSubscription);
      if (prefetch < 1) throw new IllegalArgumentException("consumers.prefetch must be >= 1, was " + prefetch);
      requireNonNull(ack, "consumers.ack");
      requireNonNull(processing, "consumers.processing");
      if (processing.isPerConsumer() && processing.perConsumer().size() != perSubscription) {
        throw new IllegalArgumentException("consumers.processing lists " + processing.perConsumer().size()
            + " times for " + perSubscription + " consumers");
      }
      requireNonNull(sharing, "consumers.sharing");
      requireNonNull(mode, "consumers.mode");
      requireNonNull(reject, "consumers.reject");
      if (reject.any() && ack != AckMode.MANUAL) throw new IllegalArgumentException("consumers.reject needs ack: manual");
    }

    /** Pushed consumers that reject nothing, with a constant processing time. */
    public Consumers(int subscriptions, int perSubscription, int prefetch, AckMode ack, Duration processing,
        ConsumerSharing sharing) {
      this(subscriptions, perSubscription, prefetch, ack, Processing.fixed(processing), sharing, ConsumerMode.PUSH,
          Rejects.NONE);
    }

    /** Consumers that each own whole queues or partitions ({@link ConsumerSharing#PARTITIONED}), as above. */
    public Consumers(int subscriptions, int perSubscription, int prefetch, AckMode ack, Duration processing) {
      this(subscriptions, perSubscription, prefetch, ack, processing, ConsumerSharing.PARTITIONED);
    }
  }
}
