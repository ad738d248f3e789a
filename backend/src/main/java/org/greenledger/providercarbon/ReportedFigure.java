package org.greenledger.providercarbon;

/**
 * Which figure the organisation's inventory reports for a provider's cloud usage in a
 * month: GreenLedger's estimate (the default) or the provider's own figure, which then
 * replaces GreenLedger's for that provider's usage (never added to it).
 */
public enum ReportedFigure {

	GREENLEDGER, PROVIDER

}
