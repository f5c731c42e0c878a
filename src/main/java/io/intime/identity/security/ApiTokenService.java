package io.intime.identity.security;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.Today;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Personal API tokens: a user creates them on the profile page (the secret is shown
 * once), uses them as {@code Authorization: Bearer …}, and revokes them. Only a SHA-256
 * hash of the secret is stored: the secret is 240 random bits, so a slow hash would add
 * nothing.
 */
@Service
public class ApiTokenService {

	static final String PREFIX = "itk_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiTokens tokens;

	private final Users users;

	private final AuditTrail audit;

	private final Today time;

	ApiTokenService(ApiTokens tokens, Users users, AuditTrail audit, Today time) {
		this.tokens = tokens;
		this.users = users;
		this.audit = audit;
		this.time = time;
	}

	public record TokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
			Instant revokedAt) {

		public boolean active() {
			return revokedAt == null;
		}
	}

	/**
	 * A token just created: {@code secret} is the only time the full token is available.
	 */
	public record IssuedToken(TokenView token, String secret) {
	}

	@Transactional
	public IssuedToken create(CurrentUser user, String name) {
		String trimmed = name == null ? "" : name.trim();
		if (!StringUtils.hasText(trimmed)) {
			throw new InvalidInputException("name", "Give the token a name, e.g. the script or tool that will use it");
		}
		if (trimmed.length() > 100) {
			throw new InvalidInputException("name", "must be at most 100 characters");
		}
		byte[] bytes = new byte[30];
		RANDOM.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiToken token = tokens
			.save(new ApiToken(user.id(), trimmed, Secrets.hash(secret), secret.substring(0, 10), time.now()));
		audit.recordCreated("api_token", token.getId(),
				java.util.Map.of("name", trimmed, "prefix", token.getTokenPrefix()), user);
		return new IssuedToken(view(token), secret);
	}

	@Transactional(readOnly = true)
	public List<TokenView> list(CurrentUser user) {
		return tokens.findByUserIdOrderByCreatedAtDesc(user.id()).stream().map(ApiTokenService::view).toList();
	}

	@Transactional
	public void revoke(CurrentUser user, long tokenId) {
		ApiToken token = tokens.findById(tokenId)
			.filter(t -> t.getUserId() == user.id())
			.orElseThrow(() -> new NotFoundException("API token", tokenId));
		if (token.isActive()) {
			token.revoke(time.now());
			audit.recordChanges("api_token", tokenId,
					List.of(new io.intime.identity.FieldChange("revokedAt", null, token.getRevokedAt().toString())),
					user);
		}
	}

	/** The active, enabled user a bearer secret belongs to. */
	@Transactional
	Optional<UserPrincipal> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return tokens.findByTokenHashAndRevokedAtIsNull(Secrets.hash(secret)).flatMap(token -> {
			tokens.touch(token.getId());
			return users.findById(token.getUserId());
		}).filter(User::isEnabled).map(user -> new UserPrincipal(user, time.now()));
	}

	private static TokenView view(ApiToken token) {
		return new TokenView(token.getId(), token.getName(), token.getTokenPrefix(), token.getCreatedAt(),
				token.getLastUsedAt(), token.getRevokedAt());
	}

}
