package io.intime.accounts;

/** A column an import reads, for the page that explains the format. */
public record ImportColumn(String name, boolean required, String description) {
}
