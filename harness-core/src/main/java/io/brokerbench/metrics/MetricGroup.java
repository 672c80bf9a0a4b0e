package io.brokerbench.metrics;

/** What part of a run a figure describes; tables put a group's figures under one header. */
public enum MetricGroup {
  THROUGHPUT("Throughput"),
  /** Latency figures; a table heads them by their distribution ({@link LatencyKind#title()}). */
  LATENCY("Latency"),
  ORDERING("Ordering"),
  DELIVERY("Delivery ledger"),
  /** How the work spread over each subscription's consumers. */
  CONSUMERS("Consumers"),
  RESOURCES("Resources");

  private final String title;

  MetricGroup(String title) {
    this.title = title;
  }

  /** The group's header in a table, e.g. "Delivery ledger". */
  public String title() {
    return title;
  }
}
