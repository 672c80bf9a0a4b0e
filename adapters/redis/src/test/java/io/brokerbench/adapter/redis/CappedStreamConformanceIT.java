package io.brokerbench.adapter.redis;

import java.util.Map;

/**
 * The conformance kit through the capped append (stream.max-length, far above what a test sends, so
 * nothing is trimmed) with fsync before every reply: the script path behaves as a plain XADD does.
 */
class CappedStreamConformanceIT extends LocalServerConformanceIT {

  @Override
  protected Map<String, Object> settings() {
    return Map.of("provision", "local", "stream.max-length", 1_000_000, "stream.trim", "approximate",
        "appendfsync", "always");
  }
}
