package io.brokerbench.adapter.builtin.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.commons.Murmur2;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.plan.KafkaPartitioner;
import io.brokerbench.plan.ReferenceRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {

  private static List<String> joins(List<String> words, int maxLength) {
    List<String> out = new ArrayList<>();
    List<List<String>> frontier = new ArrayList<>();
    frontier.add(List.of());
    for (int len = 1; len <= maxLength; len++) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : frontier) {
        for (String w : words) {
          List<String> l = new ArrayList<>(prefix);
          l.add(w);
          next.add(l);
          out.add(String.join(".", l));
        }
      }
      frontier = next;
    }
    return out;
  }

  @Test
  void translatesAmqpTopicPatternsToRegexesThatMatchExactlyTheSameKeys() {
    List<String> patterns = joins(List.of("a", "b", "*", "#"), 4);
    List<String> keys = joins(List.of("a", "b", "c", ""), 4);
    int checked = 0;
    for (String pattern : patterns) {
      Pattern regex = Pattern.compile(TopicLayout.amqpPatternToRegex(pattern));
      for (String key : keys) {
        assertEquals(ReferenceRouter.topicMatches(pattern, key), regex.matcher(key).matches(),
            "pattern '" + pattern + "' (regex " + regex + ") on key '" + key + "'");
        checked++;
      }
    }
    assertTrue(checked > 50_000, "checked " + checked);
  }

  @Test
  void picksTheSamePartitionForAKeyAsThePlan() {
    for (int partitions : new int[] {1, 2, 3, 7, 16, 100}) {
      for (int k = 0; k < 2000; k++) {
        byte[] key = KafkaPartitioner.keyBytes(k);
        assertEquals(KafkaPartitioner.partition(key, partitions), Murmur2.partitionForKey(key, partitions), "key-" + k);
      }
    }
  }

  @Test
  void namesTheTopicsASubscriptionPatternCovers() {
    List<MessageVariant> variants = List.of(new MessageVariant("eu.orders", Map.of()), new MessageVariant("us.orders", Map.of()),
        new MessageVariant("eu.refunds", Map.of()));
    TopologyPlan plan = new TopologyPlan("r1", Routing.TOPIC, 2, 1,
        List.of(Binding.ofKeys(List.of("eu.*")), Binding.ofKeys(List.of("#.orders")), Binding.ofKeys(List.of("none"))),
        new ConsumerPlan(2, 10, AckMode.MANUAL, ConsumerSharing.COMPETING), 4, variants);
    TopicLayout layout = new TopicLayout(plan);
    assertEquals(Set.of(plan.topicName(0, "eu.orders"), plan.topicName(0, "eu.refunds"), plan.topicName(1, "eu.orders"),
        plan.topicName(1, "eu.refunds")), layout.topicsOf(0));
    assertEquals(Set.of(plan.topicName(0, "eu.orders"), plan.topicName(0, "us.orders"), plan.topicName(1, "eu.orders"),
        plan.topicName(1, "us.orders")), layout.topicsOf(1));
    assertEquals(Set.of(), layout.topicsOf(2));
  }
}
