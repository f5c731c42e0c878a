package io.intime.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

	@Test
	void theOffsetIsPageTimesSize() {
		assertThat(new PageRequest(3, 50).offset()).isEqualTo(150);
		assertThat(new PageRequest(0, 1).offset()).isZero();
	}

	@Test
	void refusesPagesAndSizesOutOfRangeNamingTheParameter() {
		assertThatThrownBy(() -> new PageRequest(-1, 50)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("page"));
		assertThatThrownBy(() -> new PageRequest(0, 0)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("size"));
		assertThatThrownBy(() -> new PageRequest(0, PageRequest.MAX_SIZE + 1))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void refusesAPageWhoseOffsetWouldOverflowRatherThanQueryWithANegativeOffset() {
		assertThatThrownBy(() -> new PageRequest(Integer.MAX_VALUE, 200)).isInstanceOfSatisfying(
				InvalidInputException.class,
				e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("page"));
		assertThat(new PageRequest(Integer.MAX_VALUE / 200, 200).offset()).isPositive();
	}

}
