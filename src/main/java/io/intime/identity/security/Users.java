package io.intime.identity.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.intime.identity.Role;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Users extends JpaRepository<User, Long> {

	@Query("select u from User u where lower(u.username) = lower(?1)")
	Optional<User> findByUsername(String username);

	/** The users with this email, without regard to case, oldest first. */
	@Query("select u from User u where lower(u.email) = lower(?1) order by u.id")
	List<User> findByEmail(String email);

	/**
	 * The user a sign-in name names: the username, or else the email when exactly one
	 * user has it (demo users share no email, but nothing forbids two users one mailbox).
	 */
	default Optional<User> findForSignIn(String name) {
		if (name == null) {
			return Optional.empty();
		}
		Optional<User> byUsername = findByUsername(name.trim());
		if (byUsername.isPresent()) {
			return byUsername;
		}
		List<User> byEmail = findByEmail(name.trim());
		return byEmail.size() == 1 ? Optional.of(byEmail.get(0)) : Optional.empty();
	}

	long countByRoleAndEnabledTrue(Role role);

	List<User> findByIdIn(Collection<Long> ids);

	List<User> findByRoleInOrderByFullName(Collection<Role> roles);

	List<User> findAllByOrderByFullName();

}
