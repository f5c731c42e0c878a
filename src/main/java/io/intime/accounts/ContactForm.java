package io.intime.accounts;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The editable fields of a contact. {@code active} false means the person has left the
 * client.
 */
public record ContactForm(@NotBlank @Size(max = 200) String name, @Size(max = 200) String title,
		@Email(message = "is not a valid email address") @Size(max = 320) String email,
		@Size(max = 50) @Pattern(regexp = "^$|^[+0-9 ()./x-]{5,50}$",
				message = "may contain digits, spaces and + ( ) - . only") String phone,
		@Size(max = 60) String timeZone, @NotNull StakeholderRole stakeholderRole, @NotNull Influence influence,
		boolean active) {

	public static ContactForm blank(String timeZone) {
		return new ContactForm("", "", "", "", timeZone, StakeholderRole.OTHER, Influence.MEDIUM, true);
	}
}
