package org.greenledger.sites;

import org.jspecify.annotations.Nullable;

/** A meter registered at a site: the id its files use, its role, a description. */
public record MeterInput(@Nullable String code, @Nullable String role, @Nullable String description) {

}
