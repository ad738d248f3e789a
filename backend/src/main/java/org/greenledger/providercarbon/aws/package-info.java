@NullMarked
package org.greenledger.providercarbon.aws;

import org.jspecify.annotations.NullMarked;
