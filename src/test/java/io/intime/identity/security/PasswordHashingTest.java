package io.intime.identity.security;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Passwords are hashed with BCrypt at the configured cost, and a hash made at one cost
 * still verifies after the cost changed (so raising it locks nobody out).
 */
class PasswordHashingTest {

	private final SecurityConfiguration configuration = new SecurityConfiguration();

	@Test
	void hashesWithBcryptAtTheConfiguredCost() {
		String hash = configuration.passwordEncoder(10).encode("correct horse");
		assertThat(hash).startsWith("{bcrypt}$2a$10$");
		assertThat(configuration.passwordEncoder(12).encode("correct horse")).startsWith("{bcrypt}$2a$12$");
	}

	@Test
	void aHashMadeAtAnotherCostStillVerifies() {
		String cheap = configuration.passwordEncoder(4).encode("correct horse");
		PasswordEncoder production = configuration.passwordEncoder(10);
		assertThat(production.matches("correct horse", cheap)).isTrue();
		assertThat(production.matches("wrong horse", cheap)).isFalse();
	}

	@Test
	void aCostOutsideBcryptsRangeIsRefused() {
		assertThatThrownBy(() -> configuration.passwordEncoder(3)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> configuration.passwordEncoder(32)).isInstanceOf(IllegalArgumentException.class);
	}

}
