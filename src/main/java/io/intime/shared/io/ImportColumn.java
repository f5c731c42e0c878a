package io.intime.shared.io;

/** A column an import reads, for the page that explains the format. */
public record ImportColumn(String name, boolean required, String description) {
}
