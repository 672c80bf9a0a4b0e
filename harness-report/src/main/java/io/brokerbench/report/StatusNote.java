package io.brokerbench.report;

/**
 * A status worth showing beside a target's figures.
 *
 * @param kind ok, saturated, failed, unsupported or interrupted (also the CSS class)
 * @param text what happened, with the repetitions it concerns and the reason
 */
public record StatusNote(String kind, String text) {}
