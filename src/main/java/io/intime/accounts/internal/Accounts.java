package io.intime.accounts.internal;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Accounts extends JpaRepository<Account, Long> {

	@Query(value = "select nextval('account_key_seq')", nativeQuery = true)
	long nextKeyNumber();

	@Query(value = "select exists(select 1 from account_team_member where account_id = ?1 and user_id = ?2)",
			nativeQuery = true)
	boolean isTeamMember(long accountId, long userId);

}
