package io.brokerbench.engine.log;

/**
 * Share consumer settings.
 *
 * @param groupId the share group; share groups and consumer groups are separate name spaces (a
 *     share group {@code g} and a consumer group {@code g} do not interact)
 * @param acknowledgementMode implicit (records accepted by the next poll) or explicit
 * @param fetchMaxBytes bytes read from a partition per read (a larger batch is still read whole), at
 *     least 64
 * @param maxPollRecords records acquired and handed out by one poll, at least 1 (Kafka's {@code
 *     max.poll.records} in the {@code record_limit} acquire mode)
 * @param group the group's settings, fixed by its first member
 */
public record ShareConsumerConfig(
    String groupId, AcknowledgementMode acknowledgementMode, int fetchMaxBytes, int maxPollRecords, ShareGroupConfig group) {

  public ShareConsumerConfig {
    if (groupId == null || groupId.isEmpty()) throw new IllegalArgumentException("groupId must be set, was " + groupId);
    if (acknowledgementMode == null) throw new IllegalArgumentException("acknowledgementMode must be set");
    if (fetchMaxBytes < 64) throw new IllegalArgumentException("fetchMaxBytes must be >= 64, was " + fetchMaxBytes);
    if (maxPollRecords < 1) throw new IllegalArgumentException("maxPollRecords must be >= 1, was " + maxPollRecords);
    if (group == null) throw new IllegalArgumentException("group must be set");
  }

  /**
   * Defaults for {@code groupId}, Kafka's: implicit acknowledgement, 1 MiB reads, 500 records per
   * poll, {@link ShareGroupConfig#defaults()}.
   */
  public static ShareConsumerConfig defaults(String groupId) {
    return new ShareConsumerConfig(groupId, AcknowledgementMode.IMPLICIT, 1 << 20, 500, ShareGroupConfig.defaults());
  }

  public ShareConsumerConfig withAcknowledgementMode(AcknowledgementMode v) {
    return new ShareConsumerConfig(groupId, v, fetchMaxBytes, maxPollRecords, group);
  }

  public ShareConsumerConfig withFetchMaxBytes(int v) {
    return new ShareConsumerConfig(groupId, acknowledgementMode, v, maxPollRecords, group);
  }

  public ShareConsumerConfig withMaxPollRecords(int v) {
    return new ShareConsumerConfig(groupId, acknowledgementMode, fetchMaxBytes, v, group);
  }

  public ShareConsumerConfig withGroup(ShareGroupConfig v) {
    return new ShareConsumerConfig(groupId, acknowledgementMode, fetchMaxBytes, maxPollRecords, v);
  }
}
