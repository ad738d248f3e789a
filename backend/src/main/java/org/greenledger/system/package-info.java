/**
 * What every feature shares: GreenLedger's settings and data directory, the portal shell
 * (layout, navigation, home and error pages) and the API's error format (RFC 9457 problem
 * details).
 */
@NullMarked
package org.greenledger.system;

import org.jspecify.annotations.NullMarked;
