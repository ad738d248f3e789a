package org.greenledger.factors.api;

import java.util.List;

/**
 * One page of factors.
 *
 * @param total how many factors match
 * @param page this page's number (from 0)
 * @param size page size
 * @param items the factors on this page
 */
record FactorPage(int total, int page, int size, List<FactorView> items) {

}
