package io.cairn.queries;

/**
 * The query services over one way of reading the stores: the partitions this instance is active
 * for, or also its standbys' copies.
 *
 * @param views single entities, aggregate states and histories
 * @param lists lists and rows
 * @param timeTravel answers as of an instant
 * @param readYourWrites waits for a command's effect
 */
record Reads(
    ViewQueries views, ListQueries lists, TimeTravel timeTravel, ReadYourWrites readYourWrites) {}
