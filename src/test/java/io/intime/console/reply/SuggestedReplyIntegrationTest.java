package io.intime.console.reply;

import java.time.ZoneId;

import io.intime.DemoWorldTest;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The suggested reply to Lisa Martinez's email about FinanceHub's Q1 hiring (spec 02 step
 * 6), drafted from the demo world's facts for Jordan Reyes; another account manager may
 * not read it, and an email the firm sent gets no suggestion.
 */
@DemoWorldTest
class SuggestedReplyIntegrationTest {

	@Autowired
	SuggestedReplies replies;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void lisasEmailGetsADraftFromFinanceHubsFacts() {
		long lisasEmail = jdbc.sql("""
				select a.id from activity a join account c on c.id = a.account_id
				 where c.name = 'FinanceHub' and a.subject = 'Q1 hiring plans'""").query(Long.class).single();
		SuggestedReplies.Suggestion suggestion = replies.suggest(lisasEmail, user("am"));
		assertThat(suggestion.contact().name()).isEqualTo("Lisa Martinez");
		assertThat(suggestion.draft().subject()).isEqualTo("Re: Q1 hiring plans");
		assertThat(suggestion.draft().needs()).contains(ReplyRules.Need.HIRING);
		assertThat(suggestion.draft().body()).startsWith("Hi Lisa,")
			.contains("8-10 roles is significant")
			.contains("I have availability:")
			.endsWith("Jordan Reyes\nSenior Account Manager, InTime");
		assertThat(suggestion.draft().reasons()).anyMatch(r -> r.startsWith("Hiring needs: the message names 8-10"));

		assertThatThrownBy(() -> replies.suggest(lisasEmail, user("sarah.chen")))
			.isInstanceOf(AccessDeniedException.class);
		long sent = jdbc.sql("""
				select a.id from activity a join account c on c.id = a.account_id
				 where c.name = 'FinanceHub' and a.type = 'EMAIL' and a.direction = 'OUTBOUND' limit 1""")
			.query(Long.class)
			.optional()
			.orElse(-1L);
		if (sent > 0) {
			assertThatThrownBy(() -> replies.suggest(sent, user("am"))).isInstanceOf(InvalidInputException.class);
		}
	}

	private CurrentUser user(String username) {
		UserSummary u = users.findByUsername(username).orElseThrow();
		return new CurrentUser(u.id(), u.username(), u.fullName(), u.role(), ZoneId.of(u.timeZone()));
	}

}
