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

	List<User> findByIdIn(Collection<Long> ids);

	List<User> findByRoleInOrderByFullName(Collection<Role> roles);

	List<User> findAllByOrderByFullName();

	@Query("select u from User u where lower(u.email) = lower(?1) order by u.id")
	List<User> findByEmailIgnoringCase(String email);

}
