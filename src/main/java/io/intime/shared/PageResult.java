package io.intime.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list, in the shape every list endpoint returns. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(items.stream().map(mapper).toList(), total, page, size);
	}

	public int totalPages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public long firstItemNumber() {
		return total == 0 ? 0 : (long) page * size + 1;
	}

	public long lastItemNumber() {
		return Math.min(total, (long) (page + 1) * size);
	}
}
