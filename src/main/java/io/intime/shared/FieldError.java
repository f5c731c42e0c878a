package io.intime.shared;

/** What is wrong with one field of the input, said so that a person can fix it. */
public record FieldError(String field, String message) {
}
