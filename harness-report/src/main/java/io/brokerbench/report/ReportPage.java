package io.brokerbench.report;

import java.util.List;

/**
 * The model of report.html: what the template renders, already formatted.
 *
 * @param title page title
 * @param runId the harness run
 * @param scenarioName scenario name
 * @param description scenario description
 * @param overview one-line summary of the run counts
 * @param targets every target, in the order of the runs, with its drawing style
 * @param workloads one section each
 * @param files the scenario and workload files as written
 * @param environment harness, JVM, OS, machine facts
 * @param settings each setting as applied, per target
 * @param glossary every figure defined
 * @param assets stylesheets and scripts to inline
 * @param chartJson the chart data, already safe to place inside a script element
 */
public record ReportPage(
    String title, String runId, String scenarioName, String description, String overview, List<TargetStyle> targets,
    List<WorkloadView> workloads, List<Fact> files, List<Fact> environment, SettingsTable settings,
    List<GlossaryEntry> glossary, Assets assets, String chartJson) {}
