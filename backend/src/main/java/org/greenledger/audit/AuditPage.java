package org.greenledger.audit;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of audit events, newest first.
 *
 * @param events the events
 * @param next where the next (older) page starts; {@code null} on the last page
 */
public record AuditPage(List<AuditEvent> events, @Nullable AuditCursor next) {

}
