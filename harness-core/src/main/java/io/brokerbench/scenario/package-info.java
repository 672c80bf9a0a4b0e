/**
 * Scenario and workload files: the YAML format, parsed into records and validated before anything
 * starts. See docs/scenario-format.md.
 */
package io.brokerbench.scenario;
