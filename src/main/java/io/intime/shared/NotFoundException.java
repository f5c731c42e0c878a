package io.intime.shared;

/** A record that does not exist (or that the caller may not know exists). */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String entity, Object id) {
		super(entity + " " + id + " was not found");
	}

}
