package io.brokerbench.engine.queue;

/**
 * AMQP topic matching: words are separated by {@code .} (empty words count: {@code "a..b"} is
 * three words, {@code ""} one empty word), {@code *} matches exactly one word and {@code #} zero
 * or more words. Dynamic programming over words, so patterns with many {@code #} cost O(P×K), not
 * exponential backtracking. Stateless and thread-safe.
 */
final class TopicPattern {
  private TopicPattern() {}

  static boolean matches(String pattern, String routingKey) {
    return matches(split(pattern), split(routingKey));
  }

  static String[] split(String s) {
    return s.split("\\.", -1);
  }

  static boolean matches(String[] p, String[] k) {
    // can[j] = pattern prefix p[0..i) matches key prefix k[0..j)
    boolean[] can = new boolean[k.length + 1];
    boolean[] next = new boolean[k.length + 1];
    can[0] = true;
    for (String word : p) {
      if (word.equals("#")) {
        boolean any = false;
        for (int j = 0; j <= k.length; j++) {
          any |= can[j];
          next[j] = any;
        }
      } else {
        next[0] = false;
        boolean star = word.equals("*");
        for (int j = 1; j <= k.length; j++) {
          next[j] = can[j - 1] && (star || word.equals(k[j - 1]));
        }
      }
      boolean[] t = can;
      can = next;
      next = t;
    }
    return can[k.length];
  }
}
