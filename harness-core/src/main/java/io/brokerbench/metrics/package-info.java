/**
 * Every figure of a run, defined once: its stable id (its path in results.json), unit, group, better
 * direction, definition, and how to read it from a {@link io.brokerbench.results.RunResult}. The
 * console summary, the report's tables and glossary and {@code compare} derive from {@link Metric};
 * later features (SLOs, export columns, claim rules) name figures by {@link Metric#id()} only.
 */
package io.brokerbench.metrics;
