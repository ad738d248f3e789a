/**
 * Reading supplier product carbon footprints exchanged in the WBCSD PACT (Pathfinder)
 * format, technical specifications 2.x and 3.x: one {@code ProductFootprint}, an array of
 * them, or a PACT API response {@code {"data": ...}}. {@link PactReader} validates the
 * whole document (every problem with its JSON path) and either returns normalized
 * {@link ProductFootprint} records or refuses the document.
 */
@NullMarked
package org.greenledger.procurement.pact;

import org.jspecify.annotations.NullMarked;
