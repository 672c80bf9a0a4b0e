package io.brokerbench.scenario;

import java.nio.file.Path;

/**
 * What fills each message after its envelope ({@code messages.content}), so that compression and
 * bytes written measure something real: zeros, random bytes, a given share of random bytes, text,
 * or the bytes of a file. Random and text content are drawn from each producer's seeded source.
 *
 * @param kind the content
 * @param randomShare for {@link Kind#COMPRESSIBLE}, the share of random bytes, above 0 and below
 *     1; else 0
 * @param file for {@link Kind#FILE}, the file, resolved against the workload's folder; else null
 */
public record PayloadContent(Kind kind, double randomShare, Path file) {
  /** The kinds of content. */
  public enum Kind {
    /** Zero bytes: compresses to almost nothing. */
    ZEROS,
    /** Random bytes: does not compress. */
    RANDOM,
    /** In every 256-byte block, the first {@code randomShare} random and the rest zeros. */
    COMPRESSIBLE,
    /** Lower-case words from a fixed list of common English words, separated by spaces. */
    TEXT,
    /** The file's bytes, each producer reading it on from where its last message stopped, wrapping. */
    FILE
  }

  /** Zero bytes, the default. */
  public static final PayloadContent ZEROS = new PayloadContent(Kind.ZEROS, 0, null);
  /** Random bytes. */
  public static final PayloadContent RANDOM = new PayloadContent(Kind.RANDOM, 0, null);
  /** Text-like content. */
  public static final PayloadContent TEXT = new PayloadContent(Kind.TEXT, 0, null);

  public PayloadContent {
    if (kind == null) throw new IllegalArgumentException("messages.content must be set");
    if ((kind == Kind.COMPRESSIBLE) != (randomShare > 0 && randomShare < 1)) {
      throw new IllegalArgumentException("compressible content needs a random share above 0 and below 1, and only it has one");
    }
    if ((kind == Kind.FILE) != (file != null)) throw new IllegalArgumentException("file content needs a file, and only it has one");
  }

  /** A share {@code randomShare} of random bytes, the rest zeros. */
  public static PayloadContent compressible(double randomShare) {
    return new PayloadContent(Kind.COMPRESSIBLE, randomShare, null);
  }

  /** The bytes of {@code file}. */
  public static PayloadContent file(Path file) {
    return new PayloadContent(Kind.FILE, 0, file);
  }
}
