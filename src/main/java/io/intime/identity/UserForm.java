package io.intime.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin enters to create or change a user. {@code password} is required when
 * creating and optional when changing (blank keeps the current one).
 */
public record UserForm(
		@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._-]+",
				message = "may contain letters, digits, '.', '_' and '-' only") String username,
		@NotBlank @Size(max = 200) String fullName, @NotBlank @Email @Size(max = 320) String email,
		@Size(max = 200) String title, @NotNull Role role, @NotBlank @Size(max = 60) String timeZone, boolean enabled,
		@Size(max = 200) String password) {

	public static UserForm empty() {
		return new UserForm("", "", "", "", Role.ACCOUNT_MANAGER, "America/Los_Angeles", true, "");
	}
}
