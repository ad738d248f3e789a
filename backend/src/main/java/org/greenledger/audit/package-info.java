/**
 * Audit log: an append-only record of who changed reported data, when, and what the
 * change was. Other modules record events through {@link org.greenledger.audit.AuditLog}
 * inside their own transaction, so that a change and its record commit together.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package org.greenledger.audit;
