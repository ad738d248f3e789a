@NullMarked
package org.greenledger.providercarbon.azure;

import org.jspecify.annotations.NullMarked;
