package io.intime.identity.security;

/**
 * An OpenID Connect sign-in InTime refuses, with the message the sign-in page shows.
 */
class OidcSignInRefusedException extends RuntimeException {

	OidcSignInRefusedException(String message) {
		super(message);
	}

}
