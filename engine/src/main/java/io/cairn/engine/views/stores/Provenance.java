package io.cairn.engine.views.stores;

/**
 * Where an event comes from, as its envelope says: the flow it belongs to, what caused it and who
 * asked. Events written before v2 of the envelopes name no cause and no actor.
 *
 * @param correlationId the id every command and event of one business flow shares
 * @param causationId the id of the command, or of the event that caused its command; null before v2
 * @param actor who issued its command, as they were named, not authenticated; null when not named
 */
public record Provenance(String correlationId, String causationId, String actor) {}
