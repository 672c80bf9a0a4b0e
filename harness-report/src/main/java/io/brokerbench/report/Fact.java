package io.brokerbench.report;

/** A labelled value: an environment fact, or a file path and its text. */
public record Fact(String label, String value) {}
