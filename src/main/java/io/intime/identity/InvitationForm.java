package io.intime.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an admin enters to invite a person; their email (lower-cased) becomes their
 * username.
 */
public record InvitationForm(@NotBlank @Size(max = 200) String fullName, @NotBlank @Email @Size(max = 100) String email,
		@NotNull Role role, @Size(max = 200) String title, @NotBlank @Size(max = 60) String timeZone) {
}
