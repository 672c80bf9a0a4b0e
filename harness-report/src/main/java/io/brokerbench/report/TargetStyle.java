package io.brokerbench.report;

/**
 * How one target is drawn, the same in every chart and table of a page.
 *
 * @param label the target's label in the scenario
 * @param mode embedded, local, container, external, or "unknown" when it never opened
 * @param version the target's version as reported, or empty
 * @param color CSS colour (Okabe–Ito palette)
 * @param dash SVG/canvas dash pattern, empty for a solid line
 * @param marker point shape in percentile charts: circle, square, triangle, diamond, cross
 * @param reference whether this is the harness's own reference ({@link #isReference}): shown for
 *     scale, never ranked against the contenders
 */
public record TargetStyle(
    String label, String mode, String version, String color, String dash, String marker, boolean reference) {
  /** The provider of the harness's own reference target: a hand-off with no broker. */
  static final String REFERENCE_PROVIDER = "loopback";

  /** Okabe–Ito colours, ordered for contrast on white; yellow last. */
  private static final String[] COLORS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"};
  private static final String[] DASHES = {"", "8 4", "2 3", "10 3 2 3", "4 4", "12 6", "1 2", "6 2 2 2"};
  private static final String[] MARKERS = {"circle", "square", "triangle", "diamond", "cross"};

  static TargetStyle forIndex(int index, String label, String mode, String version, boolean reference) {
    return new TargetStyle(label, mode, version, COLORS[index % COLORS.length], DASHES[index % DASHES.length],
        MARKERS[index % MARKERS.length], reference);
  }

  /**
   * Whether a target is the harness's reference: its provider (targetInfo.name) is loopback, or, when
   * it never opened, its label is.
   *
   * @param providerName targetInfo.name of any of its runs, or {@code null} when it never opened
   */
  static boolean isReference(String label, String providerName) {
    return REFERENCE_PROVIDER.equals(providerName) || REFERENCE_PROVIDER.equals(label);
  }

  /** The dash pattern for SVG's stroke-dasharray: "none" for a solid line. */
  public String dashArray() {
    return dash.isEmpty() ? "none" : dash;
  }

  /** Whether the target ran in the harness JVM rather than over the network. */
  public boolean embedded() {
    return "embedded".equals(mode);
  }

  /** The mode and what it means for the reader: "embedded, in-process", "external, over the network". */
  public String reach() {
    return switch (mode) {
      case "embedded" -> "embedded, in-process";
      case "unknown" -> "never opened";
      default -> mode + ", over the network";
    };
  }
}
