package io.intime.identity.web;

import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.identity.security.ApiTokenService;
import io.intime.identity.security.ApiTokenService.IssuedToken;
import io.intime.identity.security.ApiTokenService.TokenView;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageResult;
import io.intime.shared.web.JsonForms;
import io.intime.shared.web.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The signed-in user's personal API tokens ({@code Authorization: Bearer itk_…}). Each
 * user sees and revokes only their own; another user's token is a 404. The secret is in
 * the answer to the POST that creates the token and nowhere else, ever.
 */
@RestController
@RequestMapping("/api/v1/me/tokens")
@Tag(name = "API tokens", description = "Your personal API tokens")
class TokenApi {

	private final ApiTokenService tokens;

	private final JsonForms forms;

	TokenApi(ApiTokenService tokens, JsonForms forms) {
		this.tokens = tokens;
		this.forms = forms;
	}

	@GetMapping
	@Operation(summary = "List your API tokens", description = "Newest first, revoked ones included (revokedAt set).")
	PageResult<TokenView> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			CurrentUser user) {
		return Pages.slice(tokens.list(user), page, size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read one of your API tokens (without its secret)")
	TokenView get(@PathVariable long id, CurrentUser user) {
		return tokens.list(user)
			.stream()
			.filter(token -> token.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("API token", id));
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an API token",
			description = "201 with the token and its secret; the secret is "
					+ "shown this once. Use it as Authorization: Bearer <secret>.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(schema = @Schema(implementation = TokenRequest.class)))
	ResponseEntity<IssuedToken> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
		TokenRequest request = forms.create(forms.object(body), TokenRequest.class, Map.of());
		IssuedToken issued = tokens.create(user, request.name());
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
				.path("/{id}")
				.buildAndExpand(issued.token().id())
				.toUri())
			.body(issued);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke one of your API tokens", description = "It stops working at once.")
	void revoke(@PathVariable long id, CurrentUser user) {
		tokens.revoke(user, id);
	}

	/** What a token is created with: a name that says where it is used. */
	record TokenRequest(String name) {
	}

}
