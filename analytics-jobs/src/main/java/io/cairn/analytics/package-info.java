/** Streaming reports for analysts: windowed aggregations over the event log. */
package io.cairn.analytics;
