package io.cairn.queries.reports;

/**
 * What the reports answer over HTTP: their catalogue and windows, and their live streams.
 *
 * @param catalog the reports and their catalogue
 * @param streams their live streams
 */
public record ReportReads(ReportCatalog catalog, ReportStreams streams) {}
