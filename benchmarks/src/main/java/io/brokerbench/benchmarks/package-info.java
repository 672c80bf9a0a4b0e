/** JMH benchmarks. */
package io.brokerbench.benchmarks;
