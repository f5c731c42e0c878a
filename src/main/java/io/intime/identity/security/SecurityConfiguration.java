package io.intime.identity.security;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may reach what. Pages sign in with a form (CSRF-protected, a fresh session id on
 * sign-in); the API also takes HTTP Basic and personal API tokens, and skips CSRF only for
 * requests that carry their own Authorization header or have no session (nothing to forge).
 * Record-level rules (which accounts a user may edit) live in the modules' facades.
 */
@Configuration
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokenService tokens,
            ApiAuthenticationEntryPoint apiEntryPoint, RecordingAccessDeniedHandler accessDenied) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        var failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setExceptionMappings(Map.of(
                LockedException.class.getName(), "/login?locked",
                DisabledException.class.getName(), "/login?disabled"));
        failure.setDefaultFailureUrl("/login?error");
        http
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.svg", "/favicon.ico",
                        "/error", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                        "/swagger-ui.html", "/swagger-ui/**").permitAll()
                .requestMatchers("/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failure))
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
            .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint))
            .addFilterBefore(new BearerTokenAuthenticationFilter(tokens, apiEntryPoint), BasicAuthenticationFilter.class)
            // An API request without a session cannot ride on anyone's session either: it
            // gets its 401 instead of a CSRF 403 that hides the missing credentials.
            .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                    || api.matches(request) && request.getSession(false) == null))
            .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
            .exceptionHandling(exceptions -> exceptions
                .defaultAuthenticationEntryPointFor(apiEntryPoint, api)
                .accessDeniedHandler(accessDenied));
        return http.build();
    }
}
