package io.brokerbench.report;

import java.util.List;

/**
 * The model of a comparison page.
 *
 * @param title page title
 * @param a what result set A is (folder, run id, scenario, start)
 * @param b the same for B
 * @param overview one line: how many figures changed beyond the noise, how many are not comparable
 * @param differences everything besides the figures that differs between A and B, those that make
 *     figures not comparable first
 * @param flagged every row that changed beyond the noise, for the top of the page
 * @param workloads one section per workload in either set
 * @param environment facts of A and B side by side
 * @param glossary verdicts and figures defined
 * @param css the stylesheet to inline
 */
public record ComparePage(
    String title, List<Fact> a, List<Fact> b, String overview, List<Difference> differences, List<CompareRow> flagged,
    List<CompareSection> workloads, List<CompareFact> environment, List<GlossaryEntry> glossary, String css) {

  /** Whether some difference makes figures not comparable. */
  public boolean anyBlocking() {
    return differences.stream().anyMatch(Difference::blocking);
  }

  /**
   * @param label the fact
   * @param a its value in A
   * @param b its value in B
   */
  public record CompareFact(String label, String a, String b) {
    public boolean differs() {
      return !a.equals(b);
    }
  }
}
