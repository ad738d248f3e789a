/**
 * What every input format is: a {@link org.greenledger.core.source.SourceFormat} (names,
 * kind, recognition from a file's start, reading into the kind's sink). Each format's
 * package exports one; {@code core.formats} registers them.
 */
@NullMarked
package org.greenledger.core.source;

import org.jspecify.annotations.NullMarked;
