package io.brokerbench.scenario;

import io.brokerbench.distribution.Distribution;
import io.brokerbench.distribution.Quantity;
import io.brokerbench.envelope.Envelope;
import io.brokerbench.plan.AckMode;
import io.brokerbench.plan.Binding;
import io.brokerbench.plan.ConsumerMode;
import io.brokerbench.plan.ConsumerSharing;
import io.brokerbench.plan.HeaderMatch;
import io.brokerbench.plan.MessageVariant;
import io.brokerbench.plan.Routing;
import io.brokerbench.spi.Quantities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Binds a workload mapping node (a workload file's root, or an inline entry of a scenario) to a
 * {@link Workload}, filling in defaults and reporting every problem at its node. Stateless.
 */
final class WorkloadBinder {
  static final List<String> WORKLOAD_FIELDS = List.of(
      "name", "description", "topology", "producers", "messages", "consumers",
      "warmup", "duration", "count", "drainTimeout", "seed");
  static final List<String> TOPOLOGY_FIELDS = List.of("destinations", "partitions", "routing", "bindings");
  static final List<String> PRODUCER_FIELDS = List.of("count", "rate", "maxInFlight", "arrivals");
  static final List<String> MESSAGE_FIELDS = List.of("size", "keys", "keyChoice", "content", "routingKeys", "headers");
  static final List<String> CONSUMER_FIELDS =
      List.of("subscriptions", "count", "prefetch", "ack", "processing", "sharing", "mode", "reject");
  static final List<String> REJECT_FIELDS = List.of("every", "fraction", "requeue");
  static final List<String> BINDING_FIELDS = List.of("subscription", "keys", "key", "pattern", "headers", "match");
  static final List<String> ROUTINGS =
      Arrays.stream(Routing.values()).map(Routing::yamlName).toList();

  /** Most message variants (routing keys or header sets) a workload may define. */
  static final int MAX_VARIANTS = 1024;

  /** Most producers a workload may have. */
  static final int MAX_PRODUCERS = 10_000;
  /** Most distinct keys a workload may have. */
  static final int MAX_KEYS = 10_000_000;
  /** Most subscriptions, and most consumers per subscription. */
  static final int MAX_SUBSCRIPTIONS = 1_000;
  static final int MAX_CONSUMERS = 10_000;
  /** Most per-key ordering states (producers × keys × subscriptions): 8 bytes each, 128 MiB in all. */
  static final long MAX_ORDERING_STATES = 1L << 24;
  /** Largest message: far beyond what brokers accept by default (Kafka 1 MB, RabbitMQ 128 MiB). */
  static final long MAX_MESSAGE_BYTES = 256L << 20;

  static final Duration DEFAULT_WARMUP = Duration.ZERO;
  static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);

  private WorkloadBinder() {}

  /**
   * @param defaultName the name when the node gives none (a workload file's base name), or {@code
   *     null} when a name is required (inline workloads)
   * @param source the text recorded in {@link Workload#source()}
   * @return the workload, or empty when any problem was reported
   */
  static Optional<Workload> bind(Node node, FileReport report, String defaultName, String source) {
    int before = report.count();
    Optional<Fields> maybe = Fields.of(report, node, "workload", "", WORKLOAD_FIELDS);
    if (maybe.isEmpty()) return Optional.empty();
    Fields f = maybe.get();

    String name = f.text("name", defaultName);
    if (name == null && !f.has("name")) {
      report.at(node, "an inline workload needs a name (name: my-workload)");
    } else if (name != null && name.isBlank()) {
      report.at(f.value("name"), "name must not be blank");
    }
    String description = f.text("description", "");

    Fields topology = section(f, "topology", TOPOLOGY_FIELDS);
    int destinations = topology == null ? 1 : topology.integer("destinations", 1, 1);
    int partitions = topology == null ? 1 : topology.integer("partitions", 1, 1);
    String routingName = topology == null ? "direct" : topology.choice("routing", "direct", ROUTINGS);
    Routing routing = Routing.valueOf(routingName.toUpperCase(Locale.ROOT));

    Fields producers = section(f, "producers", PRODUCER_FIELDS);
    int producerCount = producers == null ? 1 : producers.integer("count", 1, 1, MAX_PRODUCERS);
    int maxInFlight = producers == null ? 1000 : producers.integer("maxInFlight", 1000, 1);
    Rate rate = producers == null ? null : rate(producers);
    Arrivals arrivals = producers == null ? Arrivals.EVEN : arrivals(producers, rate, producerCount);
    if (!f.has("producers")) report.at(node, "producers.rate is required: a total rate such as 5000/s, 20k/s or max");

    Fields messages = section(f, "messages", MESSAGE_FIELDS);
    int sizeBytes = messages == null ? 0 : size(messages);
    if (!f.has("messages")) {
      report.at(node, "messages.size is required: the total message size including the "
          + Envelope.SIZE + "-byte envelope, such as 100B or 1KiB");
    }
    int keys = 1;
    if (messages != null && messages.value("keys") instanceof SequenceNode list) {
      report.at(list, "messages.keys expects a whole number (how many distinct keys messages carry), found a list; "
          + "routing keys go in messages.routingKeys");
    } else if (messages != null) {
      keys = messages.integer("keys", 1, 1, MAX_KEYS);
    }
    List<MessageVariant> variants = messages == null ? List.of(new MessageVariant("", Map.of())) : variants(messages);
    KeyChoice keyChoice = messages == null ? KeyChoice.ROUND_ROBIN : keyChoice(messages);
    PayloadContent content = messages == null ? PayloadContent.ZEROS : content(messages);

    Fields consumers = section(f, "consumers", CONSUMER_FIELDS);
    int subscriptions = consumers == null ? 1 : consumers.integer("subscriptions", 1, 1, MAX_SUBSCRIPTIONS);
    int perSubscription = consumers == null ? 1 : consumers.integer("count", 1, 1, MAX_CONSUMERS);
    int prefetch = consumers == null ? 100 : consumers.integer("prefetch", 100, 1);
    String ack = consumers == null ? "manual" : consumers.choice("ack", "manual", List.of("auto", "manual"));
    Processing processing = consumers == null ? Processing.NONE : processing(consumers, perSubscription);
    String sharing = consumers == null ? "partitioned" : consumers.choice("sharing", "partitioned",
        Arrays.stream(ConsumerSharing.values()).map(ConsumerSharing::yamlName).toList());
    String mode = consumers == null ? "push" : consumers.choice("mode", "push",
        Arrays.stream(ConsumerMode.values()).map(ConsumerMode::yamlName).toList());
    Rejects reject = consumers == null ? Rejects.NONE : rejects(consumers, ack);
    long seed = f.longInteger("seed", Workload.DEFAULT_SEED, 0);

    Duration warmup = f.duration("warmup", DEFAULT_WARMUP, true);
    Duration duration = f.duration("duration", null, false);
    long count = f.longInteger("count", 0, 1);
    if (f.has("duration") && f.has("count")) {
      report.at(f.keyNode("count"), "give either duration or count, not both (duration at line "
          + FileReport.lineOf(f.keyNode("duration")) + ")");
    } else if (!f.has("duration") && !f.has("count")) {
      report.at(node, "one of duration (the measured window, such as 10s) or count (total messages in the "
          + "measured window) is required");
    }
    Duration drainTimeout = f.duration("drainTimeout", DEFAULT_DRAIN_TIMEOUT, false);

    List<Binding> bindings = bindings(topology, routing, subscriptions, variants);

    long orderingStates = (long) producerCount * keys * subscriptions;
    if (orderingStates > MAX_ORDERING_STATES) {
      report.at(node, String.format(Locale.ROOT, "producers.count × messages.keys × consumers.subscriptions = %,d × %,d × %,d = "
          + "%,d per-key ordering states, more than the %,d the harness keeps (8 bytes each); use fewer keys or producers",
          producerCount, keys, subscriptions, orderingStates, MAX_ORDERING_STATES));
    }
    if (rate != null && !rate.isMax() && report.count() == before) {
      checkRate(report, producers.value("rate"), rate, producerCount, duration, count);
    }

    if (report.count() > before) return Optional.empty();
    return Optional.of(new Workload(
        name,
        description,
        new Workload.Topology(destinations, partitions, routing, bindings),
        new Workload.Producers(producerCount, rate, maxInFlight, arrivals),
        new Workload.Messages(sizeBytes, keys, variants, keyChoice, content),
        new Workload.Consumers(subscriptions, perSubscription, prefetch,
            AckMode.valueOf(ack.toUpperCase(Locale.ROOT)), processing,
            ConsumerSharing.valueOf(sharing.toUpperCase(Locale.ROOT)), ConsumerMode.valueOf(mode.toUpperCase(Locale.ROOT)),
            reject),
        f.has("count")
            ? Timing.ofCount(warmup, count, drainTimeout)
            : Timing.ofDuration(warmup, duration, drainTimeout),
        source,
        seed));
  }

  /** Largest file {@code messages.content: file(…)} may name: it is read into memory once per producer. */
  static final long MAX_CONTENT_FILE_BYTES = 64L << 20;

  /**
   * {@code messages.content}: {@code zeros}, {@code random}, {@code compressible(40%)}, {@code text}
   * or {@code file(path)}, the path relative to the file the workload is written in.
   */
  private static PayloadContent content(Fields messages) {
    Node v = messages.value("content");
    if (v == null) return PayloadContent.ZEROS;
    String field = messages.name("content");
    String expected = "zeros, random, compressible(P%) (P% random bytes, the rest zeros, 0 < P < 100), text or file(path)"
        + " (the file's bytes, path relative to this file)";
    String s = messages.scalarText(v, field, expected);
    if (s == null) return PayloadContent.ZEROS;
    String t = s.trim();
    String lower = t.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "zeros": return PayloadContent.ZEROS;
      case "random": return PayloadContent.RANDOM;
      case "text": return PayloadContent.TEXT;
      default: break;
    }
    String share = argumentOf(t, "compressible");
    String name = argumentOf(t, "file");
    if (share != null && share.endsWith("%")) {
      try {
        double percent = Double.parseDouble(share.substring(0, share.length() - 1).trim());
        if (percent > 0 && percent < 100) return PayloadContent.compressible(percent / 100);
      } catch (NumberFormatException e) {
        // reported below
      }
    } else if (name != null) {
      Path folder = messages.report().file().toAbsolutePath().getParent();
      Path file = folder.resolve(name).normalize();
      String problem = !Files.isRegularFile(file) ? "no such file: " + file
          : !Files.isReadable(file) ? "cannot read " + file : null;
      if (problem == null) {
        try {
          long size = Files.size(file);
          if (size == 0) problem = file + " is empty";
          if (size > MAX_CONTENT_FILE_BYTES) problem = file + " is larger than 64MiB";
        } catch (java.io.IOException e) {
          problem = "cannot read " + file + ": " + e.getMessage();
        }
      }
      if (problem == null) return PayloadContent.file(file);
      messages.report().at(v, field + " " + FileReport.quote(s) + ": " + problem);
      return PayloadContent.ZEROS;
    }
    messages.report().at(v, field + " expects " + expected + ", found " + FileReport.quote(s));
    return PayloadContent.ZEROS;
  }

  /**
   * The argument of {@code text} when it is written {@code name(argument)}, the name in any case,
   * trimmed; {@code null} when it is not written so.
   */
  private static String argumentOf(String text, String name) {
    String t = text.trim();
    String open = name + "(";
    if (t.length() <= open.length() || !t.regionMatches(true, 0, open, 0, open.length()) || !t.endsWith(")")) return null;
    return t.substring(open.length(), t.length() - 1).trim();
  }

  /** {@code messages.keyChoice}: {@code round-robin}, {@code uniform} or {@code zipf(s)} with s above 0. */
  private static KeyChoice keyChoice(Fields messages) {
    Node v = messages.value("keyChoice");
    if (v == null) return KeyChoice.ROUND_ROBIN;
    String field = messages.name("keyChoice");
    String expected = "round-robin, uniform or zipf(s) (key k chosen in proportion to 1/(k+1)^s, s above 0 and at most 100, such as zipf(1.1))";
    String s = messages.scalarText(v, field, expected);
    if (s == null) return KeyChoice.ROUND_ROBIN;
    String t = s.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    if (t.equals("round-robin")) return KeyChoice.ROUND_ROBIN;
    if (t.equals("uniform")) return KeyChoice.UNIFORM;
    String zipf = argumentOf(t, "zipf");
    if (zipf != null) {
      try {
        double skew = Double.parseDouble(zipf);
        if (skew > 0 && skew <= 100) return KeyChoice.zipf(skew);
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    messages.report().at(v, field + " expects " + expected + ", found " + FileReport.quote(s));
    return KeyChoice.ROUND_ROBIN;
  }

  /** {@code producers.arrivals}: {@code even}, {@code poisson} or {@code bursts(N)}, at a fixed rate. */
  private static Arrivals arrivals(Fields producers, Rate rate, int producerCount) {
    Node v = producers.value("arrivals");
    if (v == null) return Arrivals.EVEN;
    String field = producers.name("arrivals");
    String expected = "even, poisson or bursts(N) (N messages at once, N ≥ producers.count)";
    String s = producers.scalarText(v, field, expected);
    if (s == null) return Arrivals.EVEN;
    String t = s.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    String burst = argumentOf(t, "bursts");
    Arrivals a;
    if (t.equals("even")) {
      a = Arrivals.EVEN;
    } else if (t.equals("poisson")) {
      a = Arrivals.POISSON;
    } else if (burst != null && burst.matches("[0-9_]{1,18}")) {
      long n = Long.parseLong(burst.replace("_", ""));
      if (n < producerCount || n > Integer.MAX_VALUE) {
        producers.report().at(v, field + " bursts(" + n + ") must send at least one message per producer: N from "
            + producerCount + " (producers.count), found " + FileReport.quote(s));
        return Arrivals.EVEN;
      }
      a = Arrivals.bursts((int) n);
    } else {
      producers.report().at(v, field + " expects " + expected + ", found " + FileReport.quote(s));
      return Arrivals.EVEN;
    }
    if (rate != null && rate.isMax() && a.kind() != Arrivals.Kind.EVEN) {
      producers.report().at(v, field + " " + a.text() + " needs a fixed producers.rate: at max rate messages go as fast as"
          + " the target confirms");
      return Arrivals.EVEN;
    }
    return a;
  }

  /** {@code consumers.processing}: one distribution of durations, or a list with one per consumer. */
  private static Processing processing(Fields consumers, int perSubscription) {
    Node v = consumers.value("processing");
    if (v == null) return Processing.NONE;
    String field = consumers.name("processing");
    if (v instanceof SequenceNode list) {
      List<Distribution> each = new ArrayList<>();
      for (Node item : list.getValue()) {
        Distribution d = consumers.distribution(item, field + " items", Quantity.DURATION);
        if (d == null) return Processing.NONE;
        each.add(d);
      }
      if (each.size() != perSubscription) {
        consumers.report().at(list, field + " lists " + each.size() + " processing times for "
            + perSubscription + " consumers per subscription (consumers.count); give one per consumer, in order, "
            + "or a single one for all");
        return Processing.NONE;
      }
      return new Processing(each);
    }
    Distribution d = consumers.distribution(v, field, Quantity.DURATION);
    return d == null ? Processing.NONE : new Processing(List.of(d));
  }

  /** {@code consumers.reject}: {every: N} or {fraction: f}, and requeue: true or false. */
  private static Rejects rejects(Fields consumers, String ack) {
    Node v = consumers.value("reject");
    if (v == null) return Rejects.NONE;
    Fields r = Fields.of(consumers.report(), v, "consumers.reject", "consumers.reject.", REJECT_FIELDS).orElse(null);
    if (r == null) return Rejects.NONE;
    Boolean requeue = r.bool("requeue");
    if (requeue == null && !r.has("requeue")) {
      r.missing("requeue", "true (a rejected message comes back, flagged redelivered) or false (it is removed)");
    }
    if (r.has("every") == r.has("fraction")) {
      r.report().at(r.node(), "consumers.reject needs one of every (reject each consumer's every N-th delivery) "
          + "or fraction (reject each delivery with that probability, such as 0.01), not " + (r.has("every") ? "both" : "neither"));
      return Rejects.NONE;
    }
    if (!ack.equals("manual")) {
      consumers.report().at(consumers.keyNode("reject"), "consumers.reject needs ack: manual: with ack: " + ack
          + " the target settles each delivery as it hands it out, so there is nothing to reject");
      return Rejects.NONE;
    }
    if (requeue == null) return Rejects.NONE;
    if (r.has("every")) {
      long every = r.longInteger("every", 0, requeue ? 2 : 1);
      return every == 0 ? Rejects.NONE : Rejects.every(every, requeue);
    }
    double fraction = r.fraction("fraction", requeue);
    return fraction == 0 ? Rejects.NONE : Rejects.fraction(fraction, requeue);
  }

  /** The fields of section {@code key}, or {@code null} when absent or not a mapping (reported). */
  private static Fields section(Fields parent, String key, List<String> known) {
    Node v = parent.value(key);
    if (v == null) return null;
    return Fields.of(parent.report(), v, key, key + ".", known).orElse(null);
  }

  private static Rate rate(Fields producers) {
    Node v = producers.value("rate");
    if (v == null) {
      producers.missing("rate", "a total rate across producers such as 5000/s, 20k/s or max");
      return null;
    }
    String s = producers.scalarText(v, "producers.rate", "a rate such as 5000/s, 20k/s or max");
    if (s == null) return null;
    try {
      return Rate.parse(s);
    } catch (IllegalArgumentException e) {
      producers.report().at(v, "producers.rate: " + e.getMessage());
      return null;
    }
  }

  /**
   * A fixed rate must give every producer at least one message in the window, and a counted
   * workload must be sendable within {@link Fields#MAX_DURATION}.
   */
  private static void checkRate(FileReport report, Node rateNode, Rate rate, int producers, Duration duration, long count) {
    double windowSeconds = duration == null ? 0 : duration.toNanos() / 1e9;
    String written = rateNode instanceof org.snakeyaml.engine.v2.nodes.ScalarNode scalar ? scalar.getValue() : rate.toString();
    double perProducer = rate.perSecond() / producers;
    if (duration != null && perProducer * windowSeconds < 1) {
      report.at(rateNode, String.format(Locale.ROOT, "producers.rate %s gives each of the %d producer(s) %.3g messages in "
          + "the %s window, fewer than one; the lowest rate for this window and producer count is %.3g/s", written, producers,
          perProducer * windowSeconds, Quantities.formatDuration(duration), producers / windowSeconds));
    } else if (duration == null && count / rate.perSecond() > Fields.MAX_DURATION.toSeconds()) {
      report.at(rateNode, String.format(Locale.ROOT, "producers.rate %s would take %.3g days to send count %,d; at most "
          + "%d days are allowed", written, count / rate.perSecond() / 86400, count, Fields.MAX_DURATION.toDays()));
    }
  }

  private static int size(Fields messages) {
    Node v = messages.value("size");
    if (v == null) {
      messages.missing("size", "the total message size including the " + Envelope.SIZE
          + "-byte envelope, such as 100B or 1KiB");
      return 0;
    }
    String s = messages.scalarText(v, "messages.size", "a size such as 100B or 1KiB");
    if (s == null) return 0;
    long bytes;
    try {
      bytes = Quantities.parseBytes(s);
    } catch (IllegalArgumentException | ArithmeticException e) {
      messages.report().at(v, "messages.size expects a size such as 100B, 1KiB or 4MiB (units B, KB, MB, GB, "
          + "KiB, MiB, GiB), found " + FileReport.quote(s));
      return 0;
    }
    if (bytes < Envelope.SIZE) {
      messages.report().at(v, "messages.size must be at least " + Envelope.SIZE + " bytes, the size of the "
          + "envelope every message starts with (the size includes the envelope), found " + FileReport.quote(s)
          + " = " + bytes + " bytes");
      return 0;
    }
    if (bytes > MAX_MESSAGE_BYTES) {
      messages.report().at(v, "messages.size must be at most 256MiB, found " + FileReport.quote(s));
      return 0;
    }
    return (int) bytes;
  }

  /** Variant v = routingKeys[v % n] and headers[v % m]; one empty variant when neither is given. */
  private static List<MessageVariant> variants(Fields messages) {
    List<String> routingKeys = messages.texts("routingKeys", "routing keys (text)");
    List<Map<String, String>> headerSets = new ArrayList<>();
    for (Node item : messages.list("headers", "header sets ({region: eu})")) {
      Map<String, String> headers = messages.textMap(item, "messages.headers items");
      if (headers != null) headerSets.add(headers);
    }
    int count = Math.max(routingKeys.size(), headerSets.size());
    if (count > MAX_VARIANTS) {
      Node at = routingKeys.size() >= headerSets.size() ? messages.value("routingKeys") : messages.value("headers");
      messages.report().at(at, "at most " + MAX_VARIANTS + " message variants are allowed (routingKeys and "
          + "headers lists), found " + count);
      return List.of(new MessageVariant("", Map.of()));
    }
    if (count == 0) return List.of(new MessageVariant("", Map.of()));
    List<MessageVariant> out = new ArrayList<>(count);
    for (int v = 0; v < count; v++) {
      String key = routingKeys.isEmpty() ? "" : routingKeys.get(v % routingKeys.size());
      Map<String, String> headers = headerSets.isEmpty() ? Map.of() : headerSets.get(v % headerSets.size());
      out.add(new MessageVariant(key, headers));
    }
    return out;
  }

  /** One binding per subscription: the given ones, the routing's default for the others. */
  private static List<Binding> bindings(Fields topology, Routing routing, int subscriptions,
      List<MessageVariant> variants) {
    Binding[] given = new Binding[subscriptions];
    Node[] givenAt = new Node[subscriptions];
    if (topology != null) {
      for (Node item : topology.list("bindings", "bindings ({subscription: 0, keys: [...]})")) {
        bindOne(topology.report(), item, routing, subscriptions, given, givenAt);
      }
    }
    List<Binding> out = new ArrayList<>(subscriptions);
    for (int s = 0; s < subscriptions; s++) {
      out.add(given[s] != null ? given[s] : defaultBinding(routing, variants));
    }
    return out;
  }

  /**
   * The binding of a subscription the workload does not bind: direct, every distinct routing key of
   * the variants; topic, {@code #}; fanout, none; headers, no headers with match all (matches every
   * message).
   */
  static Binding defaultBinding(Routing routing, List<MessageVariant> variants) {
    return switch (routing) {
      case DIRECT -> Binding.ofKeys(new ArrayList<>(
          variants.stream().map(MessageVariant::routingKey).collect(Collectors.toCollection(LinkedHashSet::new))));
      case TOPIC -> Binding.ofKeys(List.of("#"));
      case FANOUT -> Binding.ofKeys(List.of());
      case HEADERS -> Binding.ofHeaders(Map.of(), HeaderMatch.ALL);
    };
  }

  private static void bindOne(FileReport report, Node item, Routing routing, int subscriptions,
      Binding[] given, Node[] givenAt) {
    int before = report.count();
    Optional<Fields> maybe = Fields.of(report, item, "a binding", "topology.bindings.", BINDING_FIELDS);
    if (maybe.isEmpty()) return;
    Fields b = maybe.get();
    String r = routing.yamlName();

    int subscription = -1;
    Node subNode = b.value("subscription");
    if (subNode == null) {
      report.at(item, "topology.bindings.subscription is required: the 0-based index of the subscription "
          + "this binding is for");
    } else {
      subscription = b.integer("subscription", -1, 0);
      if (subscription >= subscriptions) {
        report.at(subNode, "topology.bindings.subscription must be below consumers.subscriptions = "
            + subscriptions + " (subscriptions are numbered from 0), found " + subscription);
        subscription = -1;
      } else if (subscription >= 0 && givenAt[subscription] != null) {
        report.at(subNode, "subscription " + subscription + " is bound twice (first at line "
            + FileReport.lineOf(givenAt[subscription]) + ")");
        subscription = -1;
      }
    }

    for (String field : List.of("keys", "key", "pattern", "headers", "match")) {
      if (!b.has(field) || fits(routing, field)) continue;
      report.at(b.keyNode(field), "topology.bindings." + field + " does not apply to " + r + " routing; "
          + allowedFor(routing));
    }
    if (b.has("keys") && b.has("key") || b.has("keys") && b.has("pattern") || b.has("key") && b.has("pattern")) {
      report.at(item, "give one of keys, key or pattern in a binding, not several");
    }

    Binding binding = null;
    switch (routing) {
      case DIRECT, TOPIC -> {
        List<String> keys = new ArrayList<>();
        if (b.has("keys")) keys.addAll(b.texts("keys", "routing keys or patterns (text)"));
        if (b.has("key")) keys.add(b.text("key", ""));
        if (b.has("pattern") && routing == Routing.TOPIC) keys.add(b.text("pattern", ""));
        if (keys.isEmpty() && report.count() == before) {
          report.at(item, "a " + r + " binding needs " + (routing == Routing.TOPIC
              ? "keys (a list of patterns) or pattern" : "keys (a list of routing keys) or key"));
        }
        binding = Binding.ofKeys(keys);
      }
      case FANOUT -> binding = Binding.ofKeys(List.of());
      case HEADERS -> {
        Map<String, String> headers = Map.of();
        if (b.has("headers")) {
          headers = b.textMap(b.value("headers"), "topology.bindings.headers");
          if (headers == null) headers = Map.of();
        } else {
          report.at(item, "a headers binding needs headers ({region: eu}); omit the binding to receive every message");
        }
        String match = b.choice("match", "all", List.of("all", "any"));
        binding = Binding.ofHeaders(headers, HeaderMatch.valueOf(match.toUpperCase(Locale.ROOT)));
      }
    }
    if (subscription >= 0) {
      givenAt[subscription] = item;
      if (report.count() == before) given[subscription] = binding;
    }
  }

  private static boolean fits(Routing routing, String field) {
    return switch (routing) {
      case DIRECT -> field.equals("keys") || field.equals("key");
      case TOPIC -> field.equals("keys") || field.equals("key") || field.equals("pattern");
      case FANOUT -> false;
      case HEADERS -> field.equals("headers") || field.equals("match");
    };
  }

  private static String allowedFor(Routing routing) {
    return switch (routing) {
      case DIRECT -> "a direct binding takes keys or key (routing keys matched exactly)";
      case TOPIC -> "a topic binding takes keys, key or pattern (patterns with * and #)";
      case FANOUT -> "fanout delivers every message to every subscription, so its bindings take only subscription";
      case HEADERS -> "a headers binding takes headers and match (all or any)";
    };
  }
}
