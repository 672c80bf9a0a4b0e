package io.brokerbench.report;

/**
 * @param term the figure's name as the tables use it
 * @param definition what it measures, with its unit
 */
public record GlossaryEntry(String term, String definition) {}
