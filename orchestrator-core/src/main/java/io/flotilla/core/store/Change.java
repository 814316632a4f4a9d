package io.flotilla.core.store;

import io.flotilla.api.meta.Resource;

/**
 * One committed write in the event log.
 *
 * @param revision the store revision the write took
 * @param op       ADDED, MODIFIED or DELETED
 * @param table    the kind's table, compared by identity
 * @param object   the new state; for DELETED the last state stamped with the deletion's revision
 * @param previous the state before the write, {@code null} for ADDED
 */
record Change(long revision, WatchEvent.Type op, TypeTable table, Resource object, Resource previous) {
}
