/**
 * Where GreenLedger's PostgreSQL comes from: an external server when
 * {@code spring.datasource.url} is set, otherwise an embedded PostgreSQL server (a real
 * server binary shipped as a Maven artifact) whose data directory survives restarts.
 */
@NullMarked
package org.greenledger.database;

import org.jspecify.annotations.NullMarked;
