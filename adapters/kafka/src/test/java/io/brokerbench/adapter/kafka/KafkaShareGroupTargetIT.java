package io.brokerbench.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.adapter.kafka.testing.SharedLocalKafka;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerPlan;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.plan.TopologyPlan;
import io.brokerbench.spi.ConsumerSpec;
import io.brokerbench.spi.Delivery;
import io.brokerbench.spi.Settings;
import io.brokerbench.spi.TargetConsumer;
import io.brokerbench.spi.TargetContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * Competing consumers through the target on the shared local broker: a share group member's
 * settlements and its close, as the next member of the group sees them.
 */
class KafkaShareGroupTargetIT {
  private static final int PREFETCH = 10;
  private static final int MESSAGES = 30;

  @Test
  void releasedAndUnackedRecordsComeBackFlaggedRedeliveredAndRejectedOnesNever() throws Exception {
    String runId = KafkaTargetIT.runId();
    List<String> log = new CopyOnWriteArrayList<>();
    KafkaTarget target = (KafkaTarget) new KafkaTargetProvider().create(
        new TargetContext(runId, SharedLocalKafka.buildDirectory("kafka-share-it"), System::nanoTime, log::add),
        Settings.of(KafkaTargetSettings.specs(), Map.of("provision", "external",
            "bootstrap-servers", SharedLocalKafka.bootstrapServers())));
    try (target) {
      target.open();
      TopologyPlan plan = new TopologyPlan(runId, Routing.FANOUT, 1, 2, List.of(Binding.ofKeys(List.of())),
          new ConsumerPlan(2, PREFETCH, AckMode.MANUAL, ConsumerSharing.COMPETING), 32, List.of(new MessageVariant("", Map.of())));
      target.declare(plan);
      assertGroupConfig(target.bootstrapServers(), plan.groupName(0));

      List<Delivery> heldByFirst = new CopyOnWriteArrayList<>();
      TargetConsumer first = target.createConsumer(new ConsumerSpec(0, 0, PREFETCH, AckMode.MANUAL), heldByFirst::add);
      KafkaTargetIT.sendAll(target.createProducer(0), plan, 0, MESSAGES);
      KafkaTargetIT.await(() -> heldByFirst.size() >= PREFETCH, "the first consumer's prefetch");
      Thread.sleep(300); // a consumer beyond its prefetch would have more by now
      assertEquals(PREFETCH, heldByFirst.size(), "deliveries held unacked with prefetch " + PREFETCH);
      assertTrue(heldByFirst.stream().noneMatch(Delivery::redelivered), "first deliveries are not flagged");

      Set<Long> rejected = new TreeSet<>();
      Set<Long> comeBack = new TreeSet<>();
      for (int i = 0; i < PREFETCH; i++) {
        Delivery d = heldByFirst.get(i);
        long id = KafkaTargetIT.idOf(d);
        if (i < 2) {
          d.reject(false);
          rejected.add(id);
        } else if (i < 4) {
          d.reject(true);
          comeBack.add(id);
        } else {
          comeBack.add(id); // left unacked: released when the consumer closes
        }
      }
      first.close();

      List<KafkaTargetIT.Received> second = new CopyOnWriteArrayList<>();
      target.createConsumer(new ConsumerSpec(0, 1, PREFETCH, AckMode.MANUAL), d -> {
        second.add(new KafkaTargetIT.Received(KafkaTargetIT.idOf(d), d.partition(), d.redelivered(), 1));
        d.ack();
      });
      int expected = MESSAGES - rejected.size();
      KafkaTargetIT.await(() -> second.size() >= expected, expected + " deliveries to the second consumer");
      Thread.sleep(1_000); // nothing more may come: accepted and rejected records stay settled

      List<Long> ids = second.stream().map(KafkaTargetIT.Received::id).sorted().toList();
      List<Long> all = LongStream.range(0, MESSAGES).boxed().filter(id -> !rejected.contains(id)).toList();
      assertEquals(all, ids, "every record but the rejected ones, once each");
      Set<Long> flagged = second.stream().filter(KafkaTargetIT.Received::redelivered).map(KafkaTargetIT.Received::id)
          .collect(Collectors.toCollection(TreeSet::new));
      // The first consumer's client may have acquired records beyond those it handed out (a fetch
      // ahead); closing releases them too, so the group delivers them again with a higher count.
      // Released and unacked-at-close records must be flagged; rejected ones never come back.
      assertTrue(flagged.containsAll(comeBack), "released and unacked-at-close records come back flagged: " + flagged);
      Set<Long> handedOut = new TreeSet<>(rejected);
      handedOut.addAll(comeBack);
      for (long id : flagged) {
        assertTrue(comeBack.contains(id) || !handedOut.contains(id),
            "a flagged record was released by the first consumer or never handed out by it: " + id);
      }
      assertFalse(log.stream().anyMatch(l -> l.contains("failed") || l.contains("stopped")), log.toString());
    }
  }

  private static void assertGroupConfig(String bootstrap, String group) throws Exception {
    try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
      Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
      List<String> found = new ArrayList<>();
      for (String name : List.of("share.auto.offset.reset", "share.heartbeat.interval.ms", "share.session.timeout.ms")) {
        found.add(name + "=" + config.get(name).value());
      }
      assertEquals(List.of("share.auto.offset.reset=earliest", "share.heartbeat.interval.ms=500", "share.session.timeout.ms=10000"),
          found, "group configs set before any member joins");
    }
  }
}
