package io.brokerbench.adapter.kafka.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.kafka.testing.SharedLocalKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ShareGroupDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Share groups (KIP-932) on the local broker: two {@link KafkaShareConsumer}s of one share group
 * take turns on one partition and acknowledge each record explicitly. Record {@code i} is released
 * on its first delivery when {@code i % 10 == 3} (it must come back, to either consumer, with a
 * delivery count above 1, and is then accepted), rejected when {@code i % 10 == 7} (it must never
 * come back), accepted otherwise (delivered exactly once).
 *
 * <p>The group's {@code share.auto.offset.reset} is set to {@code earliest} before any consumer
 * joins: with the default {@code latest} the records produced before the share-partition starts
 * would be skipped without a word. Both consumers have their assignment before anything is
 * produced, and each acquires at most {@value #MAX_POLL_RECORDS} records per poll ({@code
 * share.acquire.mode=record_limit}), so the first to poll cannot take every record.
 */
class LocalBrokerShareGroupIT {
  private static final int RECORDS = 200;
  private static final int MAX_POLL_RECORDS = 10;
  private static final Duration POLL = Duration.ofMillis(100);

  private static Admin admin(String bootstrap) {
    return Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
  }

  private static KafkaShareConsumer<String, String> shareConsumer(String bootstrap, String group, String clientId) {
    return new KafkaShareConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, group,
        ConsumerConfig.CLIENT_ID_CONFIG, clientId,
        ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit",
        ConsumerConfig.SHARE_ACQUIRE_MODE_CONFIG, "record_limit",
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS),
        new StringDeserializer(), new StringDeserializer());
  }

  /** What the test does with record {@code index} on its first delivery. */
  private static AcknowledgeType firstAcknowledgement(int index) {
    return switch (index % 10) {
      case 3 -> AcknowledgeType.RELEASE;
      case 7 -> AcknowledgeType.REJECT;
      default -> AcknowledgeType.ACCEPT;
    };
  }

  /** One delivery as a consumer saw it. */
  private record Delivery(int consumer, int index, int deliveryCount, AcknowledgeType acknowledged) {}

  @Test
  void twoShareConsumersSplitOneTopicAndReleasedRecordsComeBackWhileRejectedOnesDoNot() throws Exception {
    String bootstrap = SharedLocalKafka.bootstrapServers();
    String topic = "share-it-" + System.nanoTime();
    String group = topic + "-group";
    long started = System.nanoTime();
    try (Admin admin = admin(bootstrap)) {
      FinalizedVersionRange share = admin.describeFeatures().featureMetadata().get(30, TimeUnit.SECONDS)
          .finalizedFeatures().get("share.version");
      assertTrue(share != null && share.maxVersionLevel() >= 1, "share groups need the feature share.version >= 1, finalized: " + share);
      String nodeId = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).iterator().next().idString();
      ConfigResource brokerResource = new ConfigResource(ConfigResource.Type.BROKER, nodeId);
      Config broker = admin.describeConfigs(List.of(brokerResource)).all().get(30, TimeUnit.SECONDS).get(brokerResource);
      for (String name : List.of("share.coordinator.state.topic.replication.factor", "share.coordinator.state.topic.min.isr",
          "group.share.min.session.timeout.ms", "group.share.min.heartbeat.interval.ms", "group.share.min.record.lock.duration.ms")) {
        assertEquals(LocalBrokerConfig.FAST_SINGLE_NODE.get(name), broker.get(name).value(), "the running broker's " + name);
      }

      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
      ConfigResource groupResource = new ConfigResource(ConfigResource.Type.GROUP, group);
      Map<ConfigResource, Collection<AlterConfigOp>> earliest = Map.of(groupResource,
          List.of(new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET)));
      admin.incrementalAlterConfigs(earliest).all().get(30, TimeUnit.SECONDS);
      assertEquals("earliest", admin.describeConfigs(List.of(groupResource)).all().get(30, TimeUnit.SECONDS)
          .get(groupResource).get("share.auto.offset.reset").value());

      List<Delivery> deliveries = new ArrayList<>();
      List<String> commitFailures = new CopyOnWriteArrayList<>();
      List<KafkaShareConsumer<String, String>> consumers = List.of(
          shareConsumer(bootstrap, group, topic + "-c0"), shareConsumer(bootstrap, group, topic + "-c1"));
      try {
        for (KafkaShareConsumer<String, String> consumer : consumers) {
          consumer.setAcknowledgementCommitCallback((offsets, e) -> {
            if (e != null) commitFailures.add(offsets + ": " + e);
          });
          consumer.subscribe(List.of(topic));
        }
        long joinStarted = System.nanoTime();
        awaitBothAssigned(admin, group, topic, consumers);
        long joinMillis = (System.nanoTime() - joinStarted) / 1_000_000;

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.<String, Object>of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(), new StringSerializer())) {
          for (int i = 0; i < RECORDS; i++) producer.send(new ProducerRecord<>(topic, Integer.toString(i), Integer.toString(i)));
          producer.flush();
        }

        int released = RECORDS / 10;
        int rejected = RECORDS / 10;
        int expected = RECORDS + released;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (deliveries.size() < expected && System.nanoTime() < deadline) {
          for (int c = 0; c < consumers.size(); c++) pollAndAcknowledge(consumers.get(c), c, deliveries);
        }
        int beforeQuietPeriod = deliveries.size();
        // Nothing more may come: a rejected record is never delivered again, an accepted one neither.
        long quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < quietUntil) {
          for (int c = 0; c < consumers.size(); c++) pollAndAcknowledge(consumers.get(c), c, deliveries);
        }
        for (KafkaShareConsumer<String, String> consumer : consumers) consumer.commitSync(Duration.ofSeconds(10));

        Map<Integer, List<Delivery>> byIndex = new TreeMap<>();
        int[] perConsumer = new int[consumers.size()];
        Map<AcknowledgeType, Integer> acknowledgements = new TreeMap<>();
        for (Delivery d : deliveries) {
          byIndex.computeIfAbsent(d.index(), k -> new ArrayList<>()).add(d);
          perConsumer[d.consumer()]++;
          acknowledgements.merge(d.acknowledged(), 1, Integer::sum);
        }
        System.out.printf("share group (share.version %d): %d records, %d deliveries (%d before a 2 s quiet period),"
                + " per consumer %d/%d, acknowledgements %s; both assigned after %d ms, all in %d ms%n",
            share.maxVersionLevel(), RECORDS, deliveries.size(), beforeQuietPeriod, perConsumer[0], perConsumer[1],
            acknowledgements, joinMillis, (System.nanoTime() - started) / 1_000_000);

        assertEquals(List.of(), commitFailures, "every acknowledgement was committed");
        Set<Integer> missing = new TreeSet<>();
        for (int i = 0; i < RECORDS; i++) if (!byIndex.containsKey(i)) missing.add(i);
        assertEquals(Set.of(), missing, "every record is delivered");
        for (Map.Entry<Integer, List<Delivery>> e : byIndex.entrySet()) {
          int index = e.getKey();
          List<Delivery> seen = e.getValue();
          if (firstAcknowledgement(index) == AcknowledgeType.RELEASE) {
            assertEquals(2, seen.size(), "a released record comes back once, then is accepted: record " + index + " " + seen);
            assertEquals(1, seen.get(0).deliveryCount(), "record " + index + " " + seen);
            assertTrue(seen.get(1).deliveryCount() > 1, "a redelivery counts its deliveries: record " + index + " " + seen);
          } else {
            assertEquals(1, seen.size(), "an accepted or rejected record is delivered once: record " + index + " " + seen);
            assertEquals(1, seen.get(0).deliveryCount(), "record " + index + " " + seen);
          }
        }
        assertEquals(Map.of(AcknowledgeType.ACCEPT, RECORDS - rejected, AcknowledgeType.RELEASE, released,
            AcknowledgeType.REJECT, rejected), acknowledgements);
        assertTrue(perConsumer[0] > 0 && perConsumer[1] > 0,
            "both consumers of the share group get records: " + perConsumer[0] + " and " + perConsumer[1]);
      } finally {
        for (KafkaShareConsumer<String, String> consumer : consumers) consumer.close(Duration.ofSeconds(10));
      }

      // The share coordinator's state topic exists on one node because the broker config gives it one replica.
      TopicDescription state = admin.describeTopics(List.of("__share_group_state")).allTopicNames().get(30, TimeUnit.SECONDS)
          .get("__share_group_state");
      assertEquals(1, state.partitions().get(0).replicas().size(), state::toString);
    }
  }

  /** Polls both consumers (nothing is produced yet) until the group shows each of them assigned the topic's partition. */
  private static void awaitBothAssigned(Admin admin, String group, String topic, List<KafkaShareConsumer<String, String>> consumers)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    ShareGroupDescription description = null;
    while (System.nanoTime() < deadline) {
      for (KafkaShareConsumer<String, String> consumer : consumers) {
        assertEquals(0, consumer.poll(POLL).count(), "nothing is produced yet");
      }
      try {
        description = admin.describeShareGroups(List.of(group)).describedGroups().get(group).get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof GroupIdNotFoundException) continue; // no member has joined yet
        throw e;
      }
      long assigned = description.members().stream()
          .filter(m -> m.assignment().topicPartitions().stream().anyMatch(tp -> tp.topic().equals(topic)))
          .count();
      if (assigned == consumers.size()) return;
    }
    throw new AssertionError("both share consumers were not assigned " + topic + " within 30 s: " + description);
  }

  private static void pollAndAcknowledge(KafkaShareConsumer<String, String> consumer, int consumerIndex, List<Delivery> deliveries) {
    for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
      int index = Integer.parseInt(record.value());
      int deliveryCount = record.deliveryCount().orElseThrow(() -> new AssertionError("a share consumer's record has a delivery count"));
      AcknowledgeType ack = deliveryCount == 1 ? firstAcknowledgement(index) : AcknowledgeType.ACCEPT;
      consumer.acknowledge(record, ack);
      deliveries.add(new Delivery(consumerIndex, index, deliveryCount, ack));
    }
  }
}
