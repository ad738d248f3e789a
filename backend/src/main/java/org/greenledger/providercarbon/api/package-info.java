@NullMarked
package org.greenledger.providercarbon.api;

import org.jspecify.annotations.NullMarked;
