/**
 * The {@code synthetic} target: confirm and delivery delays, periodic stalls and deterministic
 * faults are scripted, so the harness's measurements can be checked against answers known in
 * advance. It never tells the harness what it injected; the ledger must find it.
 */
package io.brokerbench.synthetic;
