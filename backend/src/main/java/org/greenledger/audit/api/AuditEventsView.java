package org.greenledger.audit.api;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of audit events, newest first.
 *
 * @param events the events
 * @param next the {@code before} token of the next (older) page; absent on the last page
 */
record AuditEventsView(List<AuditEventView> events, @Nullable String next) {

}
