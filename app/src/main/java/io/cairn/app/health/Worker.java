package io.cairn.app.health;

import java.util.function.BooleanSupplier;

/**
 * A long-lived background thread the process needs (the reply listener, the registry's log reader,
 * the keys' reader, the dead-letter reader): one that stopped while the process runs makes it no
 * longer live, so that an orchestrator restarts it rather than leave it half working.
 *
 * @param name the name health answers give it
 * @param running whether it still runs
 */
public record Worker(String name, BooleanSupplier running) {}
