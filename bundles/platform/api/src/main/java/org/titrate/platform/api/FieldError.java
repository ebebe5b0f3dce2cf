package org.titrate.platform.api;

/** One rejected field of a request: {@code field} is the JSON path (e.g. {@code lines[2].quantity}). */
public record FieldError(String field, String message) {
}
