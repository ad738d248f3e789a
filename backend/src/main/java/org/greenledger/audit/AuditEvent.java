package org.greenledger.audit;

import java.time.Instant;

/**
 * One audit log entry.
 *
 * @param id sequence number
 * @param at when
 * @param actor who
 * @param action what kind of change
 * @param subject what was changed
 * @param details facts of the change as a JSON object
 */
public record AuditEvent(long id, Instant at, String actor, String action, String subject, String details) {

}
