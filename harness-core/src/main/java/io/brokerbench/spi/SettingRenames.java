package io.brokerbench.spi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every target setting name and choice value that was renamed, old spelling to new: the one table
 * that scenario validation and {@code compare} both read.
 *
 * <p>Validation ({@link Settings#of(String, List, Map)}) refuses an old spelling with a message
 * that names the new one, worked out from the value written: {@code fsyncIntervalMs: 50} on
 * queue-engine reads {@code setting 'fsyncIntervalMs' was renamed: write fsync: interval(50ms)}
 * (see {@link #problem}). {@code compare} passes the settings a run recorded through {@link
 * #upgrade}, so a results folder written before a rename lines up with one written after it.
 *
 * <p>Each rule is one of:
 * <ul>
 *   <li>a <b>name</b> rule: {@code old} is now {@code new}; a value matching its pattern is
 *       rewritten too (queue-engine's {@code fsyncIntervalMs: 50} is {@code fsync: interval(50ms)});
 *       with a condition, {@code upgrade} carries the value over only when another recorded
 *       setting had a given value (the interval only mattered under {@code fsync: interval});
 *   <li>a <b>value</b> rule: a value of a setting, under its new name, that is now spelled
 *       differently ({@code producer.acks: afterFsync} is {@code after-fsync});
 *   <li>a <b>dropped</b> rule: a name a target used to record beside its settings and no longer
 *       does; {@code upgrade} removes it, validation ignores it (it was never a setting).
 * </ul>
 * Rules apply in table order. A value that reads {@link TargetInfo#NOT_APPLICABLE} keeps its text:
 * only its name moves. Immutable and thread-safe.
 */
public final class SettingRenames {
  private SettingRenames() {}

  private enum Kind { NAME, VALUE, DROPPED }

  /**
   * One rule of the table.
   *
   * @param target the provider name
   * @param kind what the rule renames
   * @param oldName the old name (for a value rule: the setting's current name)
   * @param newName the new name; {@code null} for a dropped name
   * @param oldValue the values this rule rewrites, whole text; {@code null} for all (keeps them)
   * @param newValue the replacement for a matching value, with {@code $1} for the pattern's groups
   * @param whenName for {@code upgrade}: carry the value over only when the recorded {@code whenName}
   *     had {@code whenValue}; {@code null} for always
   * @param whenValue see {@code whenName}
   * @param note for validation: said after the new spelling, {@code ""} for nothing
   */
  private record Rule(String target, Kind kind, String oldName, String newName, Pattern oldValue, String newValue,
      String whenName, String whenValue, String note) {
    boolean rewrites(String value) {
      return oldValue != null && value != null && !isNotApplicable(value) && oldValue.matcher(value).matches();
    }

    String rewrite(String value) {
      if (!rewrites(value)) return value;
      Matcher m = oldValue.matcher(value);
      return m.replaceFirst(newValue);
    }
  }

  private static final String QUEUE_ENGINE = "queue-engine";
  private static final String LOG_ENGINE = "log-engine";
  private static final String SYNTHETIC = "synthetic";

  /** The table, in the order rules apply. */
  private static final List<Rule> RULES = List.of(
      // synthetic
      name(SYNTHETIC, "confirmDelay", "confirm.delay"),
      name(SYNTHETIC, "deliveryDelay", "delivery.delay"),
      name(SYNTHETIC, "dropEvery", "drop.every"),
      name(SYNTHETIC, "duplicateEvery", "duplicate.every"),
      name(SYNTHETIC, "redeliverEvery", "redeliver.every"),
      name(SYNTHETIC, "reorderEvery", "reorder.every"),
      name(SYNTHETIC, "expireEvery", "expire.every"),
      // queue-engine
      name(QUEUE_ENGINE, "durable", "queue.durable"),
      name(QUEUE_ENGINE, "persistent", "message.persistent"),
      new Rule(QUEUE_ENGINE, Kind.NAME, "fsyncIntervalMs", "fsync", Pattern.compile("(\\d+)"), "interval($1ms)",
          "fsync", "interval", ""),
      new Rule(QUEUE_ENGINE, Kind.VALUE, "fsync", "fsync", Pattern.compile("interval"), "interval(200ms)", null, null,
          " (or the interval fsyncIntervalMs gave, in place of it)"),
      dropped(QUEUE_ENGINE, "fsyncPolicy"),
      name(QUEUE_ENGINE, "segmentSize", "segment.size"),
      name(QUEUE_ENGINE, "flowLimit", "queue.flow-limit"),
      name(QUEUE_ENGINE, "maxLength", "queue.max-length"),
      name(QUEUE_ENGINE, "overflow", "queue.overflow"),
      name(QUEUE_ENGINE, "ttl", "queue.message-ttl"),
      name(QUEUE_ENGINE, "deadLetter", "queue.dead-letter"),
      name(QUEUE_ENGINE, "deliveryLimit", "queue.delivery-limit"),
      name(QUEUE_ENGINE, "mandatory", "producer.mandatory"),
      name(QUEUE_ENGINE, "prefetchScope", "consumer.prefetch-scope"),
      // log-engine
      name(LOG_ENGINE, "segment.bytes", "segment.size"),
      name(LOG_ENGINE, "acks", "producer.acks"),
      value(LOG_ENGINE, "producer.acks", "afterWrite", "after-write"),
      value(LOG_ENGINE, "producer.acks", "afterFsync", "after-fsync"),
      new Rule(LOG_ENGINE, Kind.VALUE, "fsync", "fsync", Pattern.compile("interval\\(\\s*(\\d+)\\s*\\)"), "interval($1ms)",
          null, null, ""),
      name(LOG_ENGINE, "batch.bytes", "producer.batch-size"),
      name(LOG_ENGINE, "batch.linger", "producer.linger"),
      name(LOG_ENGINE, "commit.strategy", "consumer.commit"),
      value(LOG_ENGINE, "consumer.commit", "afterBatch", "after-batch"),
      name(LOG_ENGINE, "commit.interval", "consumer.auto-commit-interval"),
      name(LOG_ENGINE, "assignment", "consumer.assignment"),
      value(LOG_ENGINE, "consumer.assignment", "roundRobin", "round-robin"),
      name(LOG_ENGINE, "session.timeout", "consumer.session-timeout"),
      name(LOG_ENGINE, "max.poll.records", "consumer.max-poll-records"),
      name(LOG_ENGINE, "retention.bytes", "retention.size"),
      name(LOG_ENGINE, "min.free.disk", "min-free-disk"),
      // kafka
      name("kafka", "bootstrap.servers", "bootstrap-servers"),
      name("kafka", "testcontainers.image", "container.image"),
      name("kafka", "ready.timeout", "local.start-timeout"),
      name("kafka", "topic.replication.factor", "topic.replication-factor"),
      name("kafka", "producer.batch.size", "producer.batch-size"),
      name("kafka", "producer.max.in.flight", "producer.max-in-flight"),
      name("kafka", "consumer.auto.commit.interval", "consumer.auto-commit-interval"),
      name("kafka", "consumer.session.timeout", "consumer.session-timeout"),
      name("kafka", "consumer.fetch.max.wait", "consumer.fetch-max-wait"),
      name("kafka", "consumer.fetch.min.bytes", "consumer.fetch-min-size"),
      name("kafka", "consumer.poll.timeout", "consumer.poll-timeout"),
      name("kafka", "assignment", "consumer.assignment"),
      // rabbitmq
      name("rabbitmq", "publisher.confirms", "producer.confirms"),
      name("rabbitmq", "publisher.mandatory", "producer.mandatory"),
      name("rabbitmq", "publisher.max-in-flight", "producer.max-in-flight"),
      // nats
      name("nats", "sync", "fsync"),
      new Rule("nats", Kind.VALUE, "fsync", "fsync", Pattern.compile("(?!always$|interval\\()(.+)"), "interval($1)",
          null, null, ""),
      // redis
      name("redis", "stream.maxlen", "stream.max-length"));

  private static Rule name(String target, String oldName, String newName) {
    return new Rule(target, Kind.NAME, oldName, newName, null, null, null, null, "");
  }

  private static Rule value(String target, String name, String oldValue, String newValue) {
    return new Rule(target, Kind.VALUE, name, name, Pattern.compile(Pattern.quote(oldValue)), Matcher.quoteReplacement(newValue),
        null, null, "");
  }

  private static Rule dropped(String target, String oldName) {
    return new Rule(target, Kind.DROPPED, oldName, null, null, null, null, null, "");
  }

  private static boolean isNotApplicable(String value) {
    return value.startsWith(TargetInfo.NOT_APPLICABLE);
  }

  /**
   * Why {@code name: value} is an old spelling on {@code target}, naming the new one, or {@code
   * null} when it is not: on log-engine, {@code acks: afterFsync} gives {@code setting 'acks' was
   * renamed: write producer.acks: after-fsync} and {@code consumer.commit: afterBatch} gives {@code
   * setting 'consumer.commit' value 'afterBatch' was renamed: write consumer.commit: after-batch}.
   *
   * @param value the value as written; {@code null} when none was given
   */
  public static String problem(String target, String name, String value) {
    for (Rule rule : RULES) {
      if (!rule.target.equals(target) || !rule.oldName.equals(name)) continue;
      if (rule.kind == Kind.NAME) {
        String renamed = value == null ? null : valueUnder(target, rule.newName, rule.rewrite(value));
        return "setting '" + name + "' was renamed: write " + rule.newName + (renamed == null ? "" : ": " + renamed)
            + rule.note;
      }
      if (rule.kind == Kind.VALUE && rule.rewrites(value)) {
        return "setting '" + name + "' value '" + value + "' was renamed: write " + name + ": " + rule.rewrite(value)
            + rule.note;
      }
    }
    return null;
  }

  /** {@code value} of setting {@code name} in its new spelling. */
  private static String valueUnder(String target, String name, String value) {
    for (Rule rule : RULES) {
      if (rule.kind == Kind.VALUE && rule.target.equals(target) && rule.oldName.equals(name) && rule.rewrites(value)) {
        return rule.rewrite(value);
      }
    }
    return value;
  }

  /**
   * The settings {@code recorded} by a run of {@code target} under the current names and values:
   * what {@code compare} judges, so results from before a rename compare with results after it.
   * Names not in the table are kept as they are, in their order.
   */
  public static Map<String, String> upgrade(String target, Map<String, String> recorded) {
    Objects.requireNonNull(recorded, "recorded");
    Map<String, String> out = new LinkedHashMap<>(recorded);
    if (target == null) return out;
    for (Rule rule : RULES) {
      if (!rule.target.equals(target) || !recorded.containsKey(rule.oldName)) continue;
      switch (rule.kind) {
        case DROPPED -> out.remove(rule.oldName);
        case NAME -> {
          String v = out.remove(rule.oldName);
          if (rule.whenName == null || rule.whenValue.equals(recorded.get(rule.whenName))) {
            out.put(rule.newName, rule.rewrite(v));
          }
        }
        case VALUE -> { }
      }
    }
    for (Rule rule : RULES) {
      if (!rule.target.equals(target) || rule.kind != Kind.VALUE) continue;
      String v = out.get(rule.oldName);
      if (rule.rewrites(v)) out.put(rule.oldName, rule.rewrite(v));
    }
    return out;
  }

  /** Every renamed setting name of {@code target}, old name to new, in table order. */
  public static Map<String, String> names(String target) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Rule rule : RULES) {
      if (rule.kind == Kind.NAME && rule.target.equals(target)) out.put(rule.oldName, rule.newName);
    }
    return out;
  }
}
