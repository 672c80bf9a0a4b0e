package io.brokerbench.report;

import java.util.List;

/**
 * One way two result sets differ besides their figures, and what it does to the comparison.
 *
 * @param kind what differs: {@code results schema}, {@code environment}, {@code target setting},
 *     {@code guarantee}, {@code target mode}, {@code target version}, {@code workload definition}
 * @param subject which one, e.g. "rabbitmq · queueType", "JVM", "steady-1kib"
 * @param a its value in A ("not recorded" when A has none)
 * @param b its value in B
 * @param detail further lines, e.g. the lines of a workload definition only A or only B has
 * @param blocking whether it makes figures not comparable; a difference that does not is listed
 *     only, with {@code effect} saying why
 * @param effect which figures it makes not comparable, or why it is listed only
 */
public record Difference(
    String kind, String subject, String a, String b, List<String> detail, boolean blocking, String effect) {
  public Difference {
    detail = List.copyOf(detail);
  }
}
