package io.intime.accounts.internal;

import java.time.Instant;
import java.util.List;

import io.intime.accounts.internal.ContactDuplicates.Candidate;
import io.intime.accounts.internal.ContactDuplicates.Match;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactDuplicatesTest {

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private static Candidate contact(long id, int day, String name, String email, String phone) {
		return new Candidate(id, T0.plusSeconds(day * 86_400L), name, email, phone);
	}

	@Test
	void theSameEmailInAnotherCaseOrWithSpacesIsTheSamePersonKeptInTheOldest() {
		List<Match> matches = ContactDuplicates.find(List.of(contact(7, 2, "J. Doe", " JANE@Client.example ", null),
				contact(3, 1, "Jane Doe", "jane@client.example", null)));
		assertThat(matches).containsExactly(new Match(3, 7, "same email"));
	}

	@Test
	void theSameNameAndPhoneIsTheSamePersonEvenWithAnotherEmail() {
		List<Match> matches = ContactDuplicates
			.find(List.of(contact(1, 1, "Jane Doe", "jane@client.example", "+1 512 555 0100"),
					contact(2, 2, "  jane   DOE ", "jane.doe@client.example", "(512) 555-0100")));
		assertThat(matches).containsExactly(new Match(1, 2, "same name and phone"));
	}

	@Test
	void accentsCasePunctuationAndSpacesDoNotMakeAnotherName() {
		assertThat(ContactDuplicates.name("  José  O'Neil ")).isEqualTo("jose o neil");
		assertThat(ContactDuplicates.find(List.of(contact(1, 1, "José O'Neil", null, "512 555 0100"),
				contact(2, 2, "JOSE O NEIL", null, "512-555-0100"))))
			.containsExactly(new Match(1, 2, "same name and phone"));
	}

	@Test
	void theSameNameWithoutAnEmailIsTheSamePersonUnlessThePhonesDisagree() {
		assertThat(ContactDuplicates.find(List.of(contact(1, 1, "Jane Doe", "jane@client.example", null),
				contact(2, 2, "Jane Doe", null, "512 555 0100"))))
			.containsExactly(new Match(1, 2, "same name"));
		assertThat(ContactDuplicates.find(List.of(contact(1, 1, "Jane Doe", null, "512 555 0199"),
				contact(2, 2, "Jane Doe", "jane@client.example", "512 555 0100"))))
			.isEmpty();
	}

	@Test
	void twoPeopleWithOneNameAndTheirOwnEmailsStayTwo() {
		assertThat(ContactDuplicates.find(List.of(contact(1, 1, "John Smith", "john@client.example", null),
				contact(2, 2, "John Smith", "jsmith@client.example", null))))
			.isEmpty();
	}

	@Test
	void aContactWithoutEmailDoesNotJoinTwoPeopleWithDifferentEmails() {
		List<Match> matches = ContactDuplicates.find(List.of(contact(1, 1, "John Smith", "john@client.example", null),
				contact(2, 2, "John Smith", null, null), contact(3, 3, "John Smith", "jsmith@client.example", null)));
		// the one without an email goes with the oldest; the other address stays its own
		assertThat(matches).containsExactly(new Match(1, 2, "same name"));
	}

	@Test
	void aGroupKeepsItsOldestContactWhateverLinksIt() {
		List<Match> matches = ContactDuplicates.find(List.of(contact(5, 3, "Jane Doe", "JANE@client.example", null),
				contact(4, 1, "Jane Doe", null, "512 555 0100"),
				contact(6, 2, "jane doe", "jane@client.example", null)));
		assertThat(matches).extracting(Match::keptId).containsOnly(4L);
		assertThat(matches).extracting(Match::duplicateId).containsExactly(6L, 5L);
	}

	@Test
	void shortNumbersIdentifyNobody() {
		assertThat(ContactDuplicates.phone("x 12")).isNull();
		assertThat(ContactDuplicates.phone("+44 20 7946 0958")).isEqualTo("442079460958");
	}

	@Test
	void aNumberWithItsCountryCodeIsTheNumberWithout() {
		assertThat(ContactDuplicates.samePhone(ContactDuplicates.phone("+47 22 55 01 00"),
				ContactDuplicates.phone("22-55-01-00")))
			.isTrue();
		assertThat(ContactDuplicates.samePhone(ContactDuplicates.phone("+44 20 7946 0958"),
				ContactDuplicates.phone("020 7946 0958")))
			.isTrue();
		assertThat(ContactDuplicates.samePhone(ContactDuplicates.phone("+1 512 555 0100"),
				ContactDuplicates.phone("512 555 0199")))
			.isFalse();
		List<Match> matches = ContactDuplicates
			.find(List.of(contact(1, 1, "Ingrid Halvorsen", "ingrid@halvorsen.example", "+47 22 55 01 00"),
					contact(2, 2, "ingrid  halvorsen", null, "22-55-01-00")));
		assertThat(matches).containsExactly(new Match(1, 2, "same name and phone"));
	}

}
