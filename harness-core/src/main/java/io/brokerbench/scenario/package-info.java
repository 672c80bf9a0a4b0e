/**
 * Scenario and workload files: the YAML format (docs/scenario-format.md), parsed into records and
 * validated before anything starts.
 *
 * <p>{@link io.brokerbench.scenario.ScenarioLoader} is the entry point: it composes each file into
 * a snakeyaml-engine node tree (nodes keep their line and column), binds the nodes to {@link
 * io.brokerbench.scenario.Scenario}, {@link io.brokerbench.scenario.TargetRef} and {@link
 * io.brokerbench.scenario.Workload} by hand, and reports every problem as a {@link
 * io.brokerbench.scenario.Problem} at its node ({@code FILE:LINE:COLUMN: message}).
 */
package io.brokerbench.scenario;
