/**
 * Long tasks: work that outlasts the request that asks for it (report generation,
 * evaluations) runs in the background on a small executor of the node that received the
 * request, its progress (step, what in it, share done) kept in the database, so that any
 * node of a cluster answers a progress request and a task outlives its request. The
 * executor's limit is answered in words (429) when full; a task whose node stopped
 * renewing its lease ends FAILED with a message saying so.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Long tasks")
package org.greenledger.tasks;
