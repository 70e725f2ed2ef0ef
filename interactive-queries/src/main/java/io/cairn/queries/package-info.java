/**
 * The read side's HTTP edge (issue 5): interactive queries over the views' RocksDB state stores,
 * routed across instances.
 */
package io.cairn.queries;
