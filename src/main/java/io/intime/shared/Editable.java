package io.intime.shared;

/** A record's editable form together with the version it was read at. */
public record Editable<F>(long id, F form, long version) {
}
