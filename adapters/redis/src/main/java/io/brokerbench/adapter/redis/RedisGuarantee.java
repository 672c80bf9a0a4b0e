package io.brokerbench.adapter.redis;

import io.brokerbench.spi.Guarantee;
import io.brokerbench.spi.Guarantee.ConfirmPoint;
import io.brokerbench.spi.Guarantee.Survival;

/**
 * What a Redis server's {@link Persistence} promises about a confirmed append (an {@code XADD} whose
 * reply came back), as Redis 7 does it: a write command's effect is appended to an in-memory AOF
 * buffer, which is written to the append-only file with {@code write(2)} just before the event loop
 * sends the replies ({@code flushAppendOnlyFile} in {@code beforeSleep}), and fsynced:
 *
 * <ul>
 *   <li>{@code always}: right after that write, before the replies: confirmed after fsync. Unless
 *       {@code no-appendfsync-on-rewrite} is on and a child process rewrites the AOF or saves a
 *       snapshot: then the fsync is skipped, and a confirmed write may only be in the page cache.
 *   <li>{@code everysec}: in a background thread about once a second, so a power loss loses up to
 *       about a second of confirmed writes. While that fsync is still running, Redis postpones the
 *       write itself for up to 2 s and sends the replies anyway, so a kill of the server in that
 *       window loses confirmed writes too.
 *   <li>{@code no}: never; the write happens before every reply, the operating system flushes the
 *       page cache when it decides (Linux: dirty pages older than about 30 s).
 * </ul>
 *
 * Without the append-only file, a server keeps what its last RDB snapshot holds ({@code save}), or
 * nothing. Pure functions; thread-safe.
 */
final class RedisGuarantee {
  private RedisGuarantee() {}

  /** The guarantee of a server running with {@code persistence}. */
  static Guarantee of(Persistence persistence) {
    String basis = persistence.describe() + ": ";
    if (!persistence.appendOnly()) {
      if (!persistence.snapshots()) return Guarantee.inMemory(basis + "memory only, no append-only file or snapshots");
      return new Guarantee(ConfirmPoint.RECEIVED, 1, Survival.SOME_CONFIRMED, Survival.SOME_CONFIRMED,
          basis + "held in memory when confirmed; a kill or power loss keeps what the last RDB snapshot holds");
    }
    return switch (persistence.appendFsync()) {
      case ALWAYS -> persistence.noFsyncOnRewrite()
          ? new Guarantee(ConfirmPoint.PAGE_CACHE, 1, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED,
              basis + "fsynced before the reply, except while a child process rewrites the append-only file or"
                  + " saves a snapshot: then written to the page cache only")
          : new Guarantee(ConfirmPoint.FSYNC, 1, Survival.ALL_CONFIRMED, Survival.ALL_CONFIRMED,
              basis + "the append-only file is written and fsynced before the reply");
      case EVERYSEC -> new Guarantee(ConfirmPoint.PAGE_CACHE, 1, Survival.SOME_CONFIRMED, Survival.SOME_CONFIRMED,
          basis + "written to the page cache before the reply and fsynced about once a second, so a power loss"
              + " loses up to about 1 s of confirmed writes; while a background fsync is still running Redis"
              + " postpones the write for up to 2 s and replies anyway, so a kill then loses what it postponed");
      case NO -> new Guarantee(ConfirmPoint.PAGE_CACHE, 1, Survival.ALL_CONFIRMED, Survival.SOME_CONFIRMED,
          basis + "written to the page cache before the reply, never fsynced: the operating system writes it"
              + " out when it decides");
    };
  }

  /** The guarantee of a server whose persistence could not be read, saying why. */
  static Guarantee unknown(String why) {
    return new Guarantee(ConfirmPoint.UNSTATED, 0, Survival.UNSTATED, Survival.UNSTATED,
        "the server's persistence is unknown: " + why);
  }
}
