package io.brokerbench.adapter.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An append with {@code MAXLEN} that also tells what its trim removed, in one atomic step: a Lua
 * script that runs {@code XADD key MAXLEN <=|~> n * <field> <payload>} exactly as a producer would,
 * and around it reads what the trim needs to be accounted for ({@link TrimEvent}): the stream's
 * first entry before and after, how many entries went, and each consumer group's last delivered id.
 * A script runs without anything else running on the server, so no consumer reads between the trim
 * and those reads.
 *
 * <p>What it costs, on the server, per append: an {@code XLEN} before and after the {@code XADD};
 * while the stream is at its maximum length an {@code XRANGE ... COUNT 1} for the first entry; and
 * when the append trimmed, another {@code XRANGE ... COUNT 1} and an {@code XINFO GROUPS}. Scripts
 * are replicated and written to the append-only file as their effects (the {@code XADD} and its
 * trim), so persistence is as for a plain {@code XADD}. The figures of a run with {@code
 * stream.max-length} include this work.
 *
 * <p>Reply: {@code [id]}, or {@code [id, first, next, count, group, lastDeliveredId, group, ...]}
 * after a trim. Thread-safe; one instance per target, used by every producer.
 */
final class CappedAppend {
  /** The script; KEYS[1] the stream, ARGV: maximum length, {@code =} or {@code ~}, field, payload. */
  static final String SCRIPT = """
      local stream = KEYS[1]
      local before = redis.call('XLEN', stream)
      local first = false
      if before >= tonumber(ARGV[1]) then first = redis.call('XRANGE', stream, '-', '+', 'COUNT', 1)[1][1] end
      local id = redis.call('XADD', stream, 'MAXLEN', ARGV[2], ARGV[1], '*', ARGV[3], ARGV[4])
      local removed = before + 1 - redis.call('XLEN', stream)
      if removed <= 0 then return {id} end
      local reply = {id, first, redis.call('XRANGE', stream, '-', '+', 'COUNT', 1)[1][1], removed}
      for _, group in ipairs(redis.call('XINFO', 'GROUPS', stream)) do
        local name, lastDelivered
        for i = 1, #group, 2 do
          if group[i] == 'name' then name = group[i + 1] elseif group[i] == 'last-delivered-id' then lastDelivered = group[i + 1] end
        end
        reply[#reply + 1] = name
        reply[#reply + 1] = lastDelivered
      end
      return reply
      """;

  /**
   * What one append did.
   *
   * @param id the new entry's id
   * @param trim what its trim removed, or null when it trimmed nothing
   */
  record AppendReply(StreamEntryId id, TrimEvent trim) {}

  private final byte[] maxLen;
  private final byte[] operator;
  private final byte[] field;
  private final String digest;

  /**
   * @param retention the maximum length and trimming of every stream
   * @param field the entry field that holds the payload
   * @param digest the script's SHA1 as {@code SCRIPT LOAD} returned it
   */
  CappedAppend(StreamRetention retention, String field, String digest) {
    this.maxLen = Long.toString(retention.maxLen()).getBytes(StandardCharsets.US_ASCII);
    this.operator = retention.mode().operator().getBytes(StandardCharsets.US_ASCII);
    this.field = field.getBytes(StandardCharsets.UTF_8);
    this.digest = digest;
  }

  /**
   * Appends {@code payload} to {@code stream}. The future completes with the reply once the server
   * answered (on the client's thread), and fails as the command fails. When the server no longer
   * knows the script (it restarted), the script is sent in full, which also loads it again.
   */
  CompletableFuture<AppendReply> append(RedisAsyncCommands<String, byte[]> redis, String stream, byte[] payload) {
    String[] keys = {stream};
    CompletableFuture<List<Object>> reply = redis.<List<Object>>evalsha(digest, ScriptOutputType.MULTI, keys, maxLen,
        operator, field, payload).toCompletableFuture();
    return reply
        .exceptionallyCompose(e -> unwrap(e) instanceof RedisNoScriptException
            ? redis.<List<Object>>eval(SCRIPT, ScriptOutputType.MULTI, keys, maxLen, operator, field, payload)
                .toCompletableFuture()
            : CompletableFuture.failedFuture(e))
        .thenApply(CappedAppend::parse);
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
  }

  /**
   * The script's reply as {@link AppendReply}.
   *
   * @throws IllegalArgumentException when it does not have the script's shape
   */
  static AppendReply parse(List<Object> reply) {
    if (reply == null || (reply.size() != 1 && (reply.size() < 4 || reply.size() % 2 != 0))) {
      throw new IllegalArgumentException("unexpected reply of the capped append script: " + reply);
    }
    StreamEntryId id = StreamEntryId.parse(text(reply.get(0)));
    if (reply.size() == 1) return new AppendReply(id, null);
    Map<String, StreamEntryId> lastDelivered = new HashMap<>();
    for (int i = 4; i < reply.size(); i += 2) {
      lastDelivered.put(text(reply.get(i)), StreamEntryId.parse(text(reply.get(i + 1))));
    }
    TrimEvent trim = new TrimEvent(StreamEntryId.parse(text(reply.get(1))), StreamEntryId.parse(text(reply.get(2))),
        ((Number) reply.get(3)).longValue(), lastDelivered);
    return new AppendReply(id, trim);
  }

  private static String text(Object value) {
    if (value instanceof byte[] bytes) return new String(bytes, StandardCharsets.UTF_8);
    if (value instanceof String s) return s;
    throw new IllegalArgumentException("expected a string in the capped append script's reply, found " + value);
  }
}
