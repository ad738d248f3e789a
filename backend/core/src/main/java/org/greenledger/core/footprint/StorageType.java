package org.greenledger.core.footprint;

/** The medium data is stored on, which sets its energy per TB-hour. */
public enum StorageType {

	HDD, SSD

}
