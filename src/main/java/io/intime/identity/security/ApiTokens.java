package io.intime.identity.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokens extends JpaRepository<ApiToken, Long> {

	Optional<ApiToken> findByTokenHashAndRevokedAtIsNull(String tokenHash);

	List<ApiToken> findByUserIdOrderByCreatedAtDesc(long userId);

	@Modifying
	@Query(value = "update api_token set last_used_at = now() where id = ?1 and (last_used_at is null or last_used_at < now() - interval '1 minute')",
			nativeQuery = true)
	void touch(long id);

}
