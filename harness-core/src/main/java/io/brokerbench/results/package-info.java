/**
 * results.json, schema version 2 (version 1 is still read): the records here serialize to it one to one (see
 * docs/results-schema.md). Latencies are in microseconds, rates per second, sizes in bytes, times
 * ISO-8601 UTC.
 */
package io.brokerbench.results;
