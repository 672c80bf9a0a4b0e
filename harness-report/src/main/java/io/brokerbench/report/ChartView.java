package io.brokerbench.report;

/**
 * A chart's frame on the page; its data is in the page's chart JSON under the same id.
 *
 * @param id unique in the page, also the key of its data
 * @param title what is drawn
 * @param caption how to read it (axes, units, what a line is)
 * @param series how many lines (one per target with data)
 */
public record ChartView(String id, String title, String caption, int series) {}
