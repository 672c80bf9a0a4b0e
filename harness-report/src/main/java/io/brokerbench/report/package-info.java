/** report.html and compare reports. */
package io.brokerbench.report;
