package io.intime.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The first administrator's setup: the firm and its first admin. */
public record SetupForm(@NotBlank @Size(max = 200) String firmName, @NotBlank @Size(max = 200) String fullName,
		@NotBlank @Email @Size(max = 100) String email, @NotBlank @Size(max = 60) String timeZone, String password,
		String confirmPassword) {
}
