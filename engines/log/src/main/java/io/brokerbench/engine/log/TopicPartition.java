package io.brokerbench.engine.log;

/**
 * One partition of a topic.
 *
 * @param topic topic name: 1 to 200 characters of letters, digits, {@code . _ -}
 * @param partition partition index, 0-based
 */
public record TopicPartition(String topic, int partition) implements Comparable<TopicPartition> {
  public TopicPartition {
    Topics.validateName(topic);
    if (partition < 0) throw new IllegalArgumentException("partition must be >= 0, was " + partition);
  }

  @Override
  public int compareTo(TopicPartition o) {
    int c = topic.compareTo(o.topic);
    return c != 0 ? c : Integer.compare(partition, o.partition);
  }

  /** The directory name of this partition's log: {@code <topic>-<partition>}. */
  public String directoryName() {
    return topic + "-" + partition;
  }

  @Override
  public String toString() {
    return directoryName();
  }
}
