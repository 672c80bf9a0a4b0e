package io.brokerbench.engine.log;

import java.time.Duration;

/**
 * Consumer settings.
 *
 * @param groupId the consumer group, or null for a consumer that only {@link LogConsumer#assign}s
 *     partitions and does not commit
 * @param assignor the group's assignment strategy (every member must use the same)
 * @param sessionTimeout a member silent for longer is removed from its group, at least 1 ms; the
 *     consumer heartbeats on every poll and at least every third of this while waiting in a poll
 * @param autoCommit commit positions every {@code autoCommitInterval}, before a rebalance takes
 *     partitions away, and on close
 * @param autoCommitInterval period of automatic commits, at least 1 ms
 * @param fetchMaxBytes bytes read from a partition per fetch (a larger batch is still read whole),
 *     at least 64
 * @param maxPollRecords records handed out by one poll, at least 1
 * @param offsetReset where to start without a valid committed offset
 * @param memberIndex a hint passed to the assignor (e.g. the consumer's index in its subscription),
 *     or -1
 */
public record ConsumerConfig(
    String groupId,
    Assignor assignor,
    Duration sessionTimeout,
    boolean autoCommit,
    Duration autoCommitInterval,
    int fetchMaxBytes,
    int maxPollRecords,
    OffsetReset offsetReset,
    int memberIndex) {

  public ConsumerConfig {
    if (assignor == null) throw new IllegalArgumentException("assignor must be set");
    if (sessionTimeout == null || sessionTimeout.toMillis() < 1) {
      throw new IllegalArgumentException("sessionTimeout must be at least 1ms, was " + sessionTimeout);
    }
    if (autoCommitInterval == null || autoCommitInterval.toMillis() < 1) {
      throw new IllegalArgumentException("autoCommitInterval must be at least 1ms, was " + autoCommitInterval);
    }
    if (fetchMaxBytes < 64) throw new IllegalArgumentException("fetchMaxBytes must be >= 64, was " + fetchMaxBytes);
    if (maxPollRecords < 1) throw new IllegalArgumentException("maxPollRecords must be >= 1, was " + maxPollRecords);
    if (offsetReset == null) throw new IllegalArgumentException("offsetReset must be set");
    if (memberIndex < -1) throw new IllegalArgumentException("memberIndex must be >= -1, was " + memberIndex);
  }

  /**
   * Defaults for {@code groupId}: range assignment, 10 s session (Kafka: 45 s; shorter so a dead
   * member's partitions move on within a benchmark run), auto-commit every 5 s, 1 MiB fetches, 500
   * records per poll, start at the earliest offset (Kafka: latest; earliest loses nothing when a
   * consumer starts after the producers).
   */
  public static ConsumerConfig defaults(String groupId) {
    return new ConsumerConfig(groupId, Assignors.RANGE, Duration.ofSeconds(10), true, Duration.ofSeconds(5), 1 << 20, 500,
        OffsetReset.EARLIEST, -1);
  }

  public ConsumerConfig withAssignor(Assignor v) {
    return new ConsumerConfig(groupId, v, sessionTimeout, autoCommit, autoCommitInterval, fetchMaxBytes, maxPollRecords, offsetReset, memberIndex);
  }

  public ConsumerConfig withSessionTimeout(Duration v) {
    return new ConsumerConfig(groupId, assignor, v, autoCommit, autoCommitInterval, fetchMaxBytes, maxPollRecords, offsetReset, memberIndex);
  }

  public ConsumerConfig withAutoCommit(boolean v) {
    return new ConsumerConfig(groupId, assignor, sessionTimeout, v, autoCommitInterval, fetchMaxBytes, maxPollRecords, offsetReset, memberIndex);
  }

  public ConsumerConfig withAutoCommitInterval(Duration v) {
    return new ConsumerConfig(groupId, assignor, sessionTimeout, autoCommit, v, fetchMaxBytes, maxPollRecords, offsetReset, memberIndex);
  }

  public ConsumerConfig withFetchMaxBytes(int v) {
    return new ConsumerConfig(groupId, assignor, sessionTimeout, autoCommit, autoCommitInterval, v, maxPollRecords, offsetReset, memberIndex);
  }

  public ConsumerConfig withMaxPollRecords(int v) {
    return new ConsumerConfig(groupId, assignor, sessionTimeout, autoCommit, autoCommitInterval, fetchMaxBytes, v, offsetReset, memberIndex);
  }

  public ConsumerConfig withOffsetReset(OffsetReset v) {
    return new ConsumerConfig(groupId, assignor, sessionTimeout, autoCommit, autoCommitInterval, fetchMaxBytes, maxPollRecords, v, memberIndex);
  }

  public ConsumerConfig withMemberIndex(int v) {
    return new ConsumerConfig(groupId, assignor, sessionTimeout, autoCommit, autoCommitInterval, fetchMaxBytes, maxPollRecords, offsetReset, v);
  }
}
