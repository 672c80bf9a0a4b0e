package io.brokerbench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.plan.HeaderMatch;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.ReferenceRouter;
import io.brokerbench.plan.Routing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
  static final Path GOOD = Path.of("src/test/resources/scenarios/good");

  private final ScenarioLoader loader = TestTargets.loader();

  private Workload workload(Scenario s, String name) {
    return s.workloads().stream().filter(w -> w.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no workload " + name + " in " + s.workloads()));
  }

  @Test
  void loadsTargetsInOrderWithLabelsAndSettingsAsWritten() throws Exception {
    Scenario s = loader.load(GOOD.resolve("full.yaml"));

    assertEquals("full", s.name());
    assertEquals("Every field of the format.", s.description());
    assertEquals(3, s.repetitions());
    assertEquals(List.of(
        new TargetRef("loopback", "loopback", Map.of()),
        new TargetRef("queue-engine", "queue-engine", Map.of("queue.durable", "false", "stall", Map.of("every", "2s"))),
        new TargetRef("queue-engine", "queue-engine-amqp", Map.of("mode", "amqp", "stall.every", "500ms"))),
        s.targets());
  }

  @Test
  void fillsInEveryDefaultOfAMinimalWorkload() throws Exception {
    Workload w = loader.loadWorkload(GOOD.resolve("workloads/minimal.yaml"));

    assertEquals("minimal", w.name(), "name defaults to the file's base name");
    assertEquals("", w.description());
    assertEquals(new Workload.Topology(1, 1, Routing.DIRECT, List.of(Binding.ofKeys(List.of("")))), w.topology());
    assertEquals(new Workload.Producers(1, new Rate(1000), 1000), w.producers());
    assertEquals(new Workload.Messages(100, 1, List.of(new MessageVariant("", Map.of()))), w.messages());
    assertEquals(new Workload.Consumers(1, 1, 100, AckMode.MANUAL, Duration.ZERO), w.consumers());
    assertEquals(Duration.ZERO, w.timing().warmup());
    assertEquals(Duration.ofSeconds(5), w.timing().duration());
    assertEquals(0, w.timing().count());
    assertFalse(w.timing().isCounted());
    assertEquals(Duration.ofSeconds(30), w.timing().drainTimeout());
    assertEquals(Files.readString(GOOD.resolve("workloads/minimal.yaml")), w.source());
  }

  @Test
  void bindsEveryFieldOfAnInlineWorkload() throws Exception {
    Workload w = workload(loader.load(GOOD.resolve("full.yaml")), "topic-orders");

    assertEquals("Orders by region.", w.description());
    assertEquals(2, w.topology().destinations());
    assertEquals(4, w.topology().partitions());
    assertEquals(Routing.TOPIC, w.topology().routing());
    assertEquals(List.of(
        Binding.ofKeys(List.of("orders.eu.*")),
        Binding.ofKeys(List.of("*.*.new", "orders.us.#")),
        Binding.ofKeys(List.of("#"))), w.topology().bindings(), "subscription 2 gets the topic default '#'");
    assertEquals(new Workload.Producers(2, new Rate(20_000), 64), w.producers());
    assertEquals(1024, w.messages().sizeBytes());
    assertEquals(64, w.messages().keys());
    assertEquals(new Workload.Consumers(3, 2, 200, AckMode.AUTO, Duration.ofMillis(1)), w.consumers());
    assertEquals(Duration.ofSeconds(3), w.timing().warmup());
    assertEquals(Duration.ofSeconds(10), w.timing().duration());
    assertEquals(Duration.ofSeconds(45), w.timing().drainTimeout());
  }

  @Test
  void cyclesRoutingKeysAndHeaderSetsIntoVariants() throws Exception {
    Workload w = workload(loader.load(GOOD.resolve("full.yaml")), "topic-orders");

    // three routing keys and two header sets: max(3, 2) variants, each list cycled
    assertEquals(List.of(
        new MessageVariant("orders.eu.new", Map.of("region", "eu")),
        new MessageVariant("orders.us.new", Map.of("region", "us")),
        new MessageVariant("orders.eu.paid", Map.of("region", "eu"))), w.messages().variants());
  }

  @Test
  void readsACountedHeadersWorkloadWithAnAnyBinding() throws Exception {
    Workload w = workload(loader.load(GOOD.resolve("full.yaml")), "headers-counted");

    assertTrue(w.timing().isCounted());
    assertNull(w.timing().duration());
    assertEquals(100_000, w.timing().count());
    assertTrue(w.producers().rate().isMax());
    assertEquals(52, w.messages().sizeBytes(), "a size equal to the envelope is allowed");
    assertEquals(List.of(
        new MessageVariant("", Map.of("region", "eu")),
        new MessageVariant("", Map.of("region", "us", "tier", "gold")),
        new MessageVariant("", Map.of())), w.messages().variants());
    assertEquals(List.of(
        Binding.ofHeaders(Map.of(), HeaderMatch.ALL),
        Binding.ofHeaders(Map.of("region", "eu", "tier", "gold"), HeaderMatch.ANY)), w.topology().bindings());
  }

  @Test
  void defaultBindingsFollowTheRouting() throws Exception {
    Scenario s = loader.load(GOOD.resolve("routings.yaml"));

    assertEquals(List.of(Binding.ofKeys(List.of("a", "b", "c")), Binding.ofKeys(List.of("a", "b", "c"))),
        workload(s, "direct").topology().bindings(), "direct: every distinct routing key, in order");
    assertEquals(List.of(Binding.ofKeys(List.of()), Binding.ofKeys(List.of()), Binding.ofKeys(List.of())),
        workload(s, "fanout").topology().bindings());
    assertEquals(List.of(Binding.ofKeys(List.of("#"))), workload(s, "topic").topology().bindings());
    assertEquals(List.of(Binding.ofHeaders(Map.of(), HeaderMatch.ALL)), workload(s, "headers").topology().bindings());
    assertEquals(List.of(Binding.ofKeys(List.of("b"))), workload(s, "direct-single-key").topology().bindings(),
        "key: is the single-string form of keys:");
  }

  @Test
  void everyDefaultBindingSelectsEveryVariant() throws Exception {
    Scenario s = loader.load(GOOD.resolve("routings.yaml"));

    for (String name : List.of("direct", "fanout", "topic", "headers")) {
      Workload w = workload(s, name);
      for (Binding b : w.topology().bindings()) {
        for (MessageVariant v : w.messages().variants()) {
          assertTrue(ReferenceRouter.matches(w.topology().routing(), b, v.routingKey(), v.headers()),
              name + ": default binding " + b + " must select " + v);
        }
      }
    }
  }

  @Test
  void resolvesRefsAgainstTheScenarioFilesFolder() throws Exception {
    Scenario s = loader.load(GOOD.resolve("nested/from-subfolder.yaml"));

    assertEquals("from-subfolder", s.name(), "name defaults to the file's base name");
    assertEquals(List.of("minimal"), s.workloads().stream().map(Workload::name).toList());
    Path ref = GOOD.resolve("workloads/minimal.yaml").normalize();
    assertEquals(Map.of(
        GOOD.resolve("nested/from-subfolder.yaml").toString(), Files.readString(GOOD.resolve("nested/from-subfolder.yaml")),
        ref.toString(), Files.readString(ref)), s.files());
  }

  @Test
  void recordsTheTextOfEveryFileRead() throws Exception {
    Scenario s = loader.load(GOOD.resolve("full.yaml"));

    assertEquals(Map.of(
        GOOD.resolve("full.yaml").toString(), Files.readString(GOOD.resolve("full.yaml")),
        GOOD.resolve("workloads/minimal.yaml").toString(), Files.readString(GOOD.resolve("workloads/minimal.yaml"))),
        s.files());
    assertEquals(Files.readString(GOOD.resolve("workloads/minimal.yaml")), workload(s, "minimal").source());
  }

  @Test
  void anInlineWorkloadsSourceIsItsOwnTextAndLoadsAlone(@TempDir Path dir) throws Exception {
    Scenario s = loader.load(GOOD.resolve("full.yaml"));
    for (String name : List.of("topic-orders", "headers-counted")) {
      Workload inline = workload(s, name);
      assertTrue(inline.source().startsWith("name: " + name + "\n"), inline.source());
      assertFalse(inline.source().contains("repetitions"), inline.source());

      Path alone = dir.resolve(name + ".yaml");
      Files.writeString(alone, inline.source());
      Workload reloaded = loader.loadWorkload(alone);

      assertEquals(inline, reloaded);
    }
  }

  @Test
  void mergeKeysShareFieldsAndLetLaterOnesOverride() throws Exception {
    Scenario s = loader.load(GOOD.resolve("merge.yaml"));

    Workload one = workload(s, "one-key");
    Workload many = workload(s, "many-keys");
    assertEquals(1, one.messages().keys());
    assertEquals(32, many.messages().keys());
    assertEquals(one.producers(), many.producers());
    assertEquals(one.timing().duration(), many.timing().duration());
  }

  @Test
  void validateTellsScenariosFromWorkloadsByTheirTopLevelFields() {
    assertEquals(List.of(), loader.validate(GOOD.resolve("full.yaml")));
    assertEquals(List.of(), loader.validate(GOOD.resolve("workloads/minimal.yaml")));
  }

  @Test
  void collectsProblemsFromEveryWorkloadAndTargetInOnePass(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("several.yaml");
    Files.writeString(file, String.join("\n",
        "targets: [loopback, kafak]",
        "workloads:",
        "  - name: a",
        "    producers: {rate: 0/s}",
        "    messages: {size: 1KiB}",
        "    duration: 1s",
        "  - name: b",
        "    producers: {rate: 1/s}",
        "    messages: {size: 1B}",
        "    duration: 1s",
        "repetitions: 0",
        ""));

    ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load(file));

    assertEquals(List.of(1, 4, 9, 11), e.problems().stream().map(Problem::line).sorted().toList(), e.getMessage());
    assertEquals(4, e.getMessage().lines().count());
  }

  @Test
  void aTargetUsedTwiceNeedsDistinctLabels(@TempDir Path dir) throws Exception {
    Path ok = dir.resolve("ok.yaml");
    Files.writeString(ok, String.join("\n",
        "targets:",
        "  - queue-engine",
        "  - {name: queue-engine, label: queue-engine-durable, settings: {queue.durable: true}}",
        "workloads:",
        "  - {name: w, producers: {rate: 1/s}, messages: {size: 1KiB}, duration: 1s}",
        ""));

    Scenario s = loader.load(ok);

    assertEquals(List.of("queue-engine", "queue-engine-durable"), s.targets().stream().map(TargetRef::label).toList());
  }

  @Test
  void problemsPrintAsFileLineColumnMessage() {
    Problem p = new Problem(Path.of("scenarios/x.yaml"), 3, 7, "repetitions must be at least 1, found 0");
    assertEquals("scenarios/x.yaml:3:7: repetitions must be at least 1, found 0", p.toString());

    ScenarioException e = new ScenarioException(List.of(p, new Problem(Path.of("w.yaml"), 1, 1, "file is empty")));
    assertEquals("scenarios/x.yaml:3:7: repetitions must be at least 1, found 0\nw.yaml:1:1: file is empty", e.getMessage());
  }

  @Test
  void deeplyNestedYamlIsAProblemNotAStackOverflow(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
    java.nio.file.Path deep = tmp.resolve("deep.yaml");
    java.nio.file.Files.writeString(deep, "name: x\ntargets: [loopback]\nworkloads:\n  - " + "[".repeat(50_000) + "]".repeat(50_000));
    List<Problem> problems = TestTargets.loader().validate(deep);
    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).message().contains("nested too deeply"), problems.get(0).message());
  }

  @Test
  void aDeviceIsReadOnlyUpToTheSizeLimit() {
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(java.nio.file.Path.of("/dev/zero")), "no /dev/zero here");
    List<Problem> problems = TestTargets.loader().validate(java.nio.file.Path.of("/dev/zero"));
    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).message().contains("larger than 1048576 bytes"), problems.get(0).message());
  }

  @Test
  void readsCompetingConsumersAndDefaultsToPartitioned(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    String workload = "name: w\nproducers: {rate: 1000/s}\nmessages: {size: 1KiB}\nconsumers: {count: 2%s}\nduration: 5s\n";
    Path competing = java.nio.file.Files.writeString(dir.resolve("c.yaml"), String.format(workload, ", sharing: competing"));
    Path plain = java.nio.file.Files.writeString(dir.resolve("p.yaml"), String.format(workload, ""));
    assertEquals(ConsumerSharing.COMPETING, loader.loadWorkload(competing).consumers().sharing());
    assertEquals(ConsumerSharing.PARTITIONED, loader.loadWorkload(plain).consumers().sharing());
  }

  @Test
  void readsProcessingTimesRejectsModeAndSeed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve("b.yaml"), """
        name: w
        producers: {rate: 1000/s}
        messages: {size: 1KiB}
        consumers:
          count: 3
          processing: [5ms, 'uniform(1ms,3ms)', exponential(2ms)]
          reject: {fraction: 1%, requeue: true}
          mode: pull
        duration: 5s
        seed: 42
        """);
    Workload w = loader.loadWorkload(file);
    long ms = 1_000_000;
    assertEquals(List.of(new io.brokerbench.distribution.Distribution.Fixed(5 * ms),
        new io.brokerbench.distribution.Distribution.Uniform(ms, 3 * ms),
        new io.brokerbench.distribution.Distribution.Exponential(2 * ms)), w.consumers().processing().perConsumer());
    assertEquals(new Rejects(0, 0.01, true), w.consumers().reject());
    assertEquals(io.brokerbench.plan.ConsumerMode.PULL, w.consumers().mode());
    assertEquals(42, w.seed());
  }

  @Test
  void consumerBehavioursDefaultToNoneAndPush(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve("d.yaml"),
        "name: w\nproducers: {rate: 1000/s}\nmessages: {size: 1KiB}\nconsumers: {reject: {every: 100, requeue: false}}\n"
            + "duration: 5s\n");
    Workload w = loader.loadWorkload(file);
    assertEquals(Processing.NONE, w.consumers().processing());
    assertEquals(Rejects.every(100, false), w.consumers().reject());
    assertEquals(io.brokerbench.plan.ConsumerMode.PUSH, w.consumers().mode());
    assertEquals(Workload.DEFAULT_SEED, w.seed());
  }

  @Test
  void readsArrivals(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    String workload = "name: w\nproducers: {count: 2, rate: 1000/s%s}\nmessages: {size: 1KiB}\nduration: 5s\n";
    Path poisson = java.nio.file.Files.writeString(dir.resolve("p.yaml"), String.format(workload, ", arrivals: poisson"));
    Path bursts = java.nio.file.Files.writeString(dir.resolve("b.yaml"), String.format(workload, ", arrivals: bursts(100)"));
    Path plain = java.nio.file.Files.writeString(dir.resolve("e.yaml"), String.format(workload, ""));
    assertEquals(Arrivals.POISSON, loader.loadWorkload(poisson).producers().arrivals());
    assertEquals(Arrivals.bursts(100), loader.loadWorkload(bursts).producers().arrivals());
    assertEquals(Arrivals.EVEN, loader.loadWorkload(plain).producers().arrivals());
  }

  @Test
  void readsContentWithAFileRelativeToTheWorkload(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("w/data"));
    java.nio.file.Files.writeString(dir.resolve("w/data/body.json"), "{\"order\": 1}");
    String workload = "name: w\nproducers: {rate: 1000/s}\nmessages: {size: 1KiB, content: %s}\nduration: 5s\n";
    Path withFile = java.nio.file.Files.writeString(dir.resolve("w/f.yaml"), String.format(workload, "file(data/body.json)"));
    Path compressible = java.nio.file.Files.writeString(dir.resolve("w/c.yaml"), String.format(workload, "compressible(40%)"));
    assertEquals(PayloadContent.file(dir.resolve("w/data/body.json").toAbsolutePath().normalize()),
        loader.loadWorkload(withFile).messages().content());
    assertEquals(PayloadContent.compressible(0.4), loader.loadWorkload(compressible).messages().content());
  }
}
