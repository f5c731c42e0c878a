package io.intime.executive;

import java.time.ZoneId;

import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo world's people and what they were told, for the executive's tests. */
final class DemoPeople {

	private final UserDirectory users;

	private final JdbcClient jdbc;

	DemoPeople(UserDirectory users, JdbcClient jdbc) {
		this.users = users;
		this.jdbc = jdbc;
	}

	CurrentUser user(String username) {
		UserSummary u = users.findByUsername(username).orElseThrow();
		return new CurrentUser(u.id(), u.username(), u.fullName(), u.role(), ZoneId.of(u.timeZone()));
	}

	/** How many notices of this kind the user received. */
	long notifications(String username, String kind) {
		return jdbc
			.sql("select count(*) from notification n join app_user u on u.id = n.recipient_id "
					+ "where u.username = :u and n.kind = :k")
			.param("u", username)
			.param("k", kind)
			.query(Long.class)
			.single();
	}

	long account(String name) {
		return jdbc.sql("select id from account where name = :n").param("n", name).query(Long.class).single();
	}

}
