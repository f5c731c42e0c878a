package io.intime.accounts.io;

import java.nio.charset.StandardCharsets;

import io.intime.IntegrationTest;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserFixtures;
import io.intime.shared.io.ImportPreview;
import io.intime.shared.io.ImportResult;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AccountImportIntegrationTest {

	@Autowired
	AccountImport accountImport;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ContactImport contactImport;

	@Test
	void aNulCharacterInACellIsAnErrorOfItsRowAndColumnAndNothingReachesTheDatabase() {
		CurrentUser executive = UserFixtures.current(new UserFixtures(users).user(Role.EXECUTIVE));
		String prefix = "Nul" + UserFixtures.unique() + " ";
		String accounts = "name,time_zone,billing_currency\n" + prefix + "Fine,UTC,USD\n" + prefix
				+ "Ba\u0000d,UTC,USD\n";

		ImportResult result = accountImport.importAll(accounts.getBytes(StandardCharsets.UTF_8), executive);

		assertThat(result.succeeded()).isFalse();
		assertThat(result.preview().rows().get(0).errorFor("name")).isNull();
		assertThat(result.preview().rows().get(1).errorFor("name")).contains("NUL character");

		String contacts = "account,name,email\nAC\u0000ME,Ana,ana@example.com\n";
		ImportPreview preview = contactImport.preview(contacts.getBytes(StandardCharsets.UTF_8), executive);
		assertThat(preview.rows().get(0).errorFor("account")).contains("NUL character");
	}

	@Test
	void rowThatFailsAfterOthersWereCreatedRollsTheWholeImportBack() {
		CurrentUser executive = UserFixtures.current(new UserFixtures(users).user(Role.EXECUTIVE));
		String prefix = "Roll" + UserFixtures.unique() + " ";
		String csv = "name,time_zone,billing_currency\n" + prefix + "One,UTC,USD\n" + prefix + "Two,UTC,USD\n" + prefix
				+ "Three,UTC,XYZ\n";
		long keysBefore = jdbc.sql("select last_value from account_key_seq").query(Long.class).single();

		ImportResult result = accountImport.importAll(csv.getBytes(StandardCharsets.UTF_8), executive);

		assertThat(result.succeeded()).isFalse();
		assertThat(result.created()).isEmpty();
		assertThat(result.preview().rows().get(2).errorFor("billing_currency"))
			.contains("has no conversion rate configured");
		assertThat(jdbc.sql("select count(*) from account where name like :p")
			.param("p", prefix + "%")
			.query(Long.class)
			.single()).as("rows one and two were inserted before row three failed, and rolled back with it").isZero();
		assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'account' and new_value like :p")
			.param("p", prefix + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select last_value from account_key_seq").query(Long.class).single())
			.as("the first two rows did take keys")
			.isGreaterThan(keysBefore);
	}

	@Test
	void importRefusedByTheDatabaseAtCommitSavesNothingAndSaysWhy() {
		CurrentUser executive = UserFixtures.current(new UserFixtures(users).user(Role.EXECUTIVE));
		String prefix = "Commit" + UserFixtures.unique() + " ";
		jdbc.sql("""
				create or replace function refuse_at_commit() returns trigger language plpgsql as $$
				begin
				  if new.name like '%Refused at commit%' then raise exception 'refused at commit'; end if;
				  return new;
				end $$""").update();
		jdbc.sql("""
				create constraint trigger refuse_at_commit after insert on account
				deferrable initially deferred for each row execute function refuse_at_commit()""").update();
		try {
			String csv = "name,time_zone\n" + prefix + "Fine,UTC\n" + prefix + "Refused at commit,UTC\n";

			ImportResult result = accountImport.importAll(csv.getBytes(StandardCharsets.UTF_8), executive);

			assertThat(result.succeeded()).isFalse();
			assertThat(result.preview().rows()).hasSize(2).allMatch(row -> !row.hasErrors());
			assertThat(result.preview().problems()).singleElement()
				.asString()
				.contains("The database refused the import", "refused at commit", "nothing was saved");
			assertThat(jdbc.sql("select count(*) from account where name like :p")
				.param("p", prefix + "%")
				.query(Long.class)
				.single()).isZero();
		}
		finally {
			jdbc.sql("drop trigger refuse_at_commit on account").update();
			jdbc.sql("drop function refuse_at_commit()").update();
		}
	}

	@Test
	void previewSavesNothingAndTakesNoAccountKeys() {
		CurrentUser executive = UserFixtures.current(new UserFixtures(users).user(Role.EXECUTIVE));
		String prefix = "Prev" + UserFixtures.unique() + " ";
		long keysBefore = jdbc.sql("select last_value from account_key_seq").query(Long.class).single();

		ImportPreview preview = accountImport.preview(
				(("name,time_zone\n" + prefix + "One,UTC\n" + prefix + "Two,UTC\n")).getBytes(StandardCharsets.UTF_8),
				executive);

		assertThat(preview.importable()).isTrue();
		assertThat(jdbc.sql("select count(*) from account where name like :p")
			.param("p", prefix + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select last_value from account_key_seq").query(Long.class).single()).isEqualTo(keysBefore);
	}

}
