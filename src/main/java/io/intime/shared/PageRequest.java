package io.intime.shared;

/**
 * A validated page request: page from 0, size from 1 to 200, and an offset that fits an
 * int.
 */
public record PageRequest(int page, int size) {

	public static final int MAX_SIZE = 200;

	public PageRequest {
		if (page < 0) {
			throw new InvalidInputException("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
		}
		if ((long) page * size > Integer.MAX_VALUE) {
			throw new InvalidInputException("page",
					"is too large (page × size must stay below " + Integer.MAX_VALUE + ")");
		}
	}

	public int offset() {
		return page * size;
	}
}
