package io.brokerbench.metrics;

import io.brokerbench.results.LatencyPair;
import io.brokerbench.results.LatencySummary;
import io.brokerbench.results.RunResult;

/** The four latency distributions of a run, each from one instant to another, in microseconds. */
public enum LatencyKind {
  PUBLISH_RESPONSE("latency.publish.response", "publish response time", "pub", "intended send → confirm",
      "Intended send → confirm. At a fixed rate the intended time is the slot start + i × interval, so anything that"
          + " holds the producer back shows here (coordinated omission corrected); at max rate intended = actual."),
  END_TO_END_RESPONSE("latency.endToEnd.response", "end-to-end response time", "e2e", "intended send → first delivery",
      "Intended send → the consumer receives the message; first deliveries only, every subscription. The summary"
          + " tables show response times."),
  PUBLISH_SERVICE("latency.publish.service", "publish service time", "pub svc", "actual send → confirm",
      "Actual send → the target's confirm (RabbitMQ publisher confirm, Kafka ack, engine confirm)."),
  END_TO_END_SERVICE("latency.endToEnd.service", "end-to-end service time", "e2e svc", "actual send → first delivery",
      "Actual send → the consumer receives the message; first deliveries only, every subscription.");

  private final String id;
  private final String name;
  private final String abbreviation;
  private final String span;
  private final String definition;

  LatencyKind(String id, String name, String abbreviation, String span, String definition) {
    this.id = id;
    this.name = name;
    this.abbreviation = abbreviation;
    this.span = span;
    this.definition = definition;
  }

  /** Where this distribution is in results.json, e.g. {@code latency.endToEnd.response}. */
  public String id() {
    return id;
  }

  /** Lower case, e.g. "publish service time". */
  public String displayName() {
    return name;
  }

  /** Capitalised, for a header: "Publish service time". */
  public String title() {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** A few letters for a narrow console header: "pub", "e2e", "pub svc", "e2e svc". */
  public String abbreviation() {
    return abbreviation;
  }

  /** From which instant to which, e.g. "actual send → confirm". */
  public String span() {
    return span;
  }

  /** What the distribution measures, for the glossary. */
  public String definition() {
    return definition;
  }

  /** This distribution of {@code run}, or {@code null} when it has none or recorded nothing. */
  public LatencySummary of(RunResult run) {
    if (run.latency() == null) return null;
    LatencyPair pair = switch (this) {
      case PUBLISH_RESPONSE, PUBLISH_SERVICE -> run.latency().publish();
      case END_TO_END_RESPONSE, END_TO_END_SERVICE -> run.latency().endToEnd();
    };
    if (pair == null) return null;
    LatencySummary s = switch (this) {
      case PUBLISH_RESPONSE, END_TO_END_RESPONSE -> pair.response();
      case PUBLISH_SERVICE, END_TO_END_SERVICE -> pair.service();
    };
    return s == null || s.count() == 0 ? null : s;
  }
}
