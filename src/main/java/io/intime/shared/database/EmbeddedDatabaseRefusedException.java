package io.intime.shared.database;

/** Thrown when the prod profile starts without an external database. */
class EmbeddedDatabaseRefusedException extends RuntimeException {

	EmbeddedDatabaseRefusedException() {
		super("The 'prod' profile needs an external PostgreSQL; it never starts the embedded one.");
	}

}
