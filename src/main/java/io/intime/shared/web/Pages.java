package io.intime.shared.web;

import java.util.List;

import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;

/**
 * Paging for the API's short lists that are read whole (an account's team, the users,
 * one's tokens).
 */
public final class Pages {

	private Pages() {
	}

	/**
	 * One page of {@code all}, in the shape of every list endpoint.
	 * @throws io.intime.shared.InvalidInputException naming {@code page} or {@code size}
	 * when out of range
	 */
	public static <T> PageResult<T> slice(List<T> all, int page, int size) {
		PageRequest request = new PageRequest(page, size);
		int from = (int) Math.min(all.size(), (long) request.offset());
		int to = Math.min(all.size(), from + request.size());
		return new PageResult<>(List.copyOf(all.subList(from, to)), all.size(), request.page(), request.size());
	}

}
