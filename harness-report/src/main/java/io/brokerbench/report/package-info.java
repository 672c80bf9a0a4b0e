/**
 * report.html and compare reports, from results folders alone.
 *
 * <p>API: {@link io.brokerbench.report.ReportWriter#write(java.nio.file.Path)} writes
 * {@code report.html} beside a folder's {@code results.json};
 * {@link io.brokerbench.report.CompareReport#write(java.nio.file.Path, java.nio.file.Path, java.nio.file.Path)}
 * writes what changed between two folders. Both throw
 * {@link io.brokerbench.results.InvalidResultsException} for a missing or unreadable results.json and
 * then write nothing. The other public types are the page models the templates (src/main/jte,
 * compiled at build time by the jte-maven-plugin) render; they are not meant for other callers.
 *
 * <p>Pages are self-contained: the stylesheet, the page script and uPlot (read from the
 * org.webjars.npm:uplot jar at generation time) are inlined, and chart data is JSON in a
 * {@code <script type="application/json">} element, so a report opens from disk with no network.
 */
package io.brokerbench.report;
