package org.titrate.sales.api;

/**
 * Which flow a line follows: {@code SHIP} lines (positive quantity) the sales-outbound flow,
 * {@code RETURN} lines (negative quantity) the sales-return flow.
 */
public enum Direction {
    SHIP,
    RETURN
}
