package io.brokerbench.adapter.kafka;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.ShareMemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a share group has all its members and every partition it reads is assigned to one of
 * them, so that producers do not start while the group is still forming: a new share group takes
 * seconds to form (member heartbeats, the assignment, the share-partition state), and records sent
 * meanwhile would wait, showing as seconds of latency that belong to the group's start, not to the
 * broker's steady behaviour. Kafka's simple assignor gives each member whole partitions when there
 * are at least as many partitions as members, and shares partitions between members only when there
 * are fewer.
 */
final class ShareGroupReadiness {
  private ShareGroupReadiness() {}

  /**
   * Polls {@code describeShareGroups} every 100 ms until {@code group} has at least {@code members}
   * members and the union of their assignments holds every partition in {@code partitions}, or
   * {@code timeout} passes; then says in {@code log} what was missing and returns, so the run goes
   * on and its figures show the late start.
   *
   * @return whether the group was ready in time
   */
  static boolean await(Admin admin, String group, int members, Set<TopicPartition> partitions, Duration timeout,
      Consumer<String> log) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String missing = "not described yet";
    while (System.nanoTime() < deadline) {
      try {
        ShareGroupDescription d = admin.describeShareGroups(List.of(group)).describedGroups().get(group)
            .get(5, TimeUnit.SECONDS);
        Set<TopicPartition> assigned = new HashSet<>();
        for (ShareMemberDescription m : d.members()) assigned.addAll(m.assignment().topicPartitions());
        if (d.members().size() >= members && assigned.containsAll(partitions)) return true;
        Set<TopicPartition> unassigned = new HashSet<>(partitions);
        unassigned.removeAll(assigned);
        missing = d.members().size() + " of " + members + " members, unassigned partitions " + unassigned;
      } catch (ExecutionException | TimeoutException e) {
        missing = "describeShareGroups failed: " + e;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    log.accept("share group " + group + " not ready within " + timeout.toSeconds() + " s (" + missing
        + "); the run goes on, and its first records wait for the group");
    return false;
  }
}
