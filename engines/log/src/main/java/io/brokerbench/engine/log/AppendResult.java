package io.brokerbench.engine.log;

/**
 * Where an appended batch landed.
 *
 * @param baseOffset offset of its first record
 * @param lastOffset offset of its last record
 * @param duplicate true when the batch was a retry of one already appended: nothing was written and
 *     the offsets are those of the first append
 */
public record AppendResult(long baseOffset, long lastOffset, boolean duplicate) {}
