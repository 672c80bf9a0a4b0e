package io.brokerbench.run;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * File names for a scenario's target labels or workload names: safe (letters, digits, {@code .},
 * {@code _} and {@code -} only; never empty, {@code .} or {@code ..}; at most {@value #MAX_LENGTH}
 * characters) and unique, so that names differing only in characters a file name cannot hold
 * ({@code a/b} and {@code a_b}) never share a file. The first name keeps the plain form; a later one
 * that would collide gets {@code -2}, {@code -3}, … Immutable once built.
 */
public final class FileNames {
  /** The longest file name made, in characters; well under every file system's limit. */
  public static final int MAX_LENGTH = 64;

  private final Map<String, String> byName = new HashMap<>();

  /** @param names the names in scenario order; duplicates map to one file name */
  public FileNames(List<String> names) {
    Set<String> taken = new HashSet<>();
    for (String name : names) {
      if (byName.containsKey(name)) continue;
      String base = safe(name);
      String candidate = base;
      for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) candidate = base + "-" + n;
      byName.put(name, candidate);
    }
  }

  /** The file name of {@code name}, which must be one of the names given. */
  public String of(String name) {
    String file = byName.get(name);
    if (file == null) throw new IllegalArgumentException("no file name for '" + name + "'");
    return file;
  }

  /** {@code name} made safe for a file name, not yet unique. */
  public static String safe(String name) {
    String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (s.length() > MAX_LENGTH) s = s.substring(0, MAX_LENGTH);
    if (s.isEmpty() || s.chars().allMatch(c -> c == '.')) s = "_" + s;
    return s;
  }
}
