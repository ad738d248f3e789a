/**
 * The registry of input formats: {@link org.greenledger.core.formats.SourceFormats} lists
 * every format's {@link org.greenledger.core.source.SourceFormat} (the one place that
 * knows them all), parses the names users give and asks the formats which one a file is;
 * {@link org.greenledger.core.formats.BillingReaders} opens a billing export and runs the
 * billing format its content shows. This package depends on the formats' packages, never
 * the other way round.
 */
@NullMarked
package org.greenledger.core.formats;

import org.jspecify.annotations.NullMarked;
