package io.cairn.core.aggregate;

/**
 * Marks an event that erases its aggregate's personal data, as the right to erasure asks: once it
 * is appended, the engine deletes the keys the aggregate's personal fields are sealed with, so that
 * they can never be read again, wherever they were copied, while the rest of its history stays.
 */
public interface ErasesPersonalData {}
