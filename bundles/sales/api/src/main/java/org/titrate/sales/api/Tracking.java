package org.titrate.sales.api;

/** The customer's return shipment: who carries it and the carrier's tracking number. */
public record Tracking(String carrier, String trackingNumber) {
}
