/**
 * The explorer: filter and group the activity lines' impacts, and drill from any figure
 * down to its lines, each line's source file and row, and the factors it was calculated
 * with (lineage).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Explorer")
package org.greenledger.explorer;
