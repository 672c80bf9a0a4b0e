package io.brokerbench.adapter.kafka;

import java.util.regex.Pattern;

/**
 * Translates AMQP topic binding patterns into Java regular expressions over routing keys, so a
 * Kafka consumer can subscribe by pattern to the topics named after routing keys.
 *
 * <p>The semantics are those of {@link io.brokerbench.plan.ReferenceRouter#topicMatches}: words
 * separated by {@code .} (empty words allowed), {@code *} exactly one word, {@code #} zero or more
 * words; any other word matches itself literally. Example: {@code a.*.#} becomes
 * {@code \Qa\E\.[^.]*(?:\.[^.]*)*}, which matches {@code a.b} and {@code a.b.c} but not {@code a}.
 * Stateless.
 */
public final class TopicPatterns {
  private static final String WORD = "[^.]*";

  private TopicPatterns() {}

  /** A regular expression matching exactly the routing keys {@code pattern} selects (whole-string match). */
  public static String toRegex(String pattern) {
    String[] words = pattern.split("\\.", -1);
    StringBuilder regex = new StringBuilder();
    // Whether the text matched so far ends inside the key, so the next word needs a '.' before it;
    // false only while every earlier word was a '#' that may have matched nothing.
    boolean needsSeparator = false;
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      boolean last = i == words.length - 1;
      if (word.equals("#")) {
        if (needsSeparator) {
          regex.append("(?:\\.").append(WORD).append(")*");
        } else if (last) {
          regex.append("(?:").append(WORD).append("(?:\\.").append(WORD).append(")*)?");
        } else {
          // Leading '#': zero or more words, each followed by the separator of the next word.
          regex.append("(?:").append(WORD).append("\\.)*");
        }
        continue;
      }
      if (needsSeparator) regex.append("\\.");
      regex.append(word.equals("*") ? WORD : Pattern.quote(word));
      needsSeparator = true;
    }
    return regex.toString();
  }
}
