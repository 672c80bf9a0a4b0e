package io.brokerbench.report;

import io.brokerbench.results.LatencyPair;
import io.brokerbench.results.LatencySummary;
import io.brokerbench.results.RunResult;

/** The four latency distributions of a run. */
enum LatencyKind {
  PUBLISH_RESPONSE("latency.publish.response", "publish response time", "Publish response time", "intended send → confirm"),
  END_TO_END_RESPONSE("latency.endToEnd.response", "end-to-end response time", "End-to-end response time", "intended send → first delivery"),
  PUBLISH_SERVICE("latency.publish.service", "publish service time", "Publish service time", "actual send → confirm"),
  END_TO_END_SERVICE("latency.endToEnd.service", "end-to-end service time", "End-to-end service time", "actual send → first delivery");

  private final String path;
  private final String name;
  private final String title;
  private final String span;

  LatencyKind(String path, String name, String title, String span) {
    this.path = path;
    this.name = name;
    this.title = title;
    this.span = span;
  }

  /** Where this distribution is in results.json. */
  String path() {
    return path;
  }

  String displayName() {
    return name;
  }

  String title() {
    return title;
  }

  /** From which instant to which, e.g. "actual send → confirm". */
  String span() {
    return span;
  }

  /** This distribution of {@code run}, or {@code null} when it has none or recorded nothing. */
  LatencySummary of(RunResult run) {
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
