package io.brokerbench.report;

/** A labelled value: an environment fact, a file path and its text, or a note and what it is about. */
public record Fact(String label, String value) {}
