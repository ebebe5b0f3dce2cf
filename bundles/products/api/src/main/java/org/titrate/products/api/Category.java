package org.titrate.products.api;

/** A product category; {@code parentCode} builds the tree (e.g. 无机化学品 › 无机酸). */
public record Category(String id, String code, String name, String parentCode, Long version) {
}
