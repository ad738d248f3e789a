@NullMarked
package org.greenledger.providercarbon.gcp;

import org.jspecify.annotations.NullMarked;
