/**
 * GreenLedger's document library: a plain Java (no Spring) model of disclosure documents
 * and its renderers. It knows nothing about emissions; it renders documents.
 */
package org.greenledger.reports;
