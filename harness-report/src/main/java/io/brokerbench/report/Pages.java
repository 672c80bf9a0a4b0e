package io.brokerbench.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateException;
import gg.jte.output.StringOutput;

/**
 * Renders the page models with the jte templates of src/main/jte, compiled to classes at build time
 * (jte-maven-plugin), so rendering needs no compiler and works from a shaded jar. Thread-safe.
 */
final class Pages {
  /** Loads the generated template classes with this module's class loader (shaded jar or not). */
  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(null, ContentType.Html, Pages.class.getClassLoader());

  private Pages() {}

  /**
   * @param template template file name relative to src/main/jte, e.g. {@code report.jte}
   * @param model the template's single parameter
   * @throws IllegalStateException when the template is missing or fails (a build error, never data)
   */
  static String render(String template, Object model) {
    StringOutput out = new StringOutput(256 * 1024);
    try {
      ENGINE.render(template, model, out);
    } catch (TemplateException e) {
      throw new IllegalStateException("rendering " + template + " failed: " + e.getMessage(), e);
    }
    return out.toString();
  }
}
