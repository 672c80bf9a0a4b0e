/**
 * The one grammar for distributions of durations and sizes ({@code fixed}, {@code uniform},
 * {@code exponential}), shared by workloads and targets. Depends on nothing but {@code spi}'s
 * quantity parsing.
 */
package io.brokerbench.distribution;
