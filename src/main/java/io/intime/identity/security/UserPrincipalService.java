package io.intime.identity.security;

import io.intime.shared.Today;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class UserPrincipalService implements UserDetailsService {

    private final Users users;
    private final Today time;

    UserPrincipalService(Users users, Today time) {
        this.users = users;
        this.time = time;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username).map(user -> new UserPrincipal(user, time.now()))
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
    }
}
