package io.intime.identity.web;

import java.util.List;

import io.intime.identity.AuditRecord;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.HistoryAccess;
import io.intime.identity.Role;
import io.intime.identity.security.ApiTokenService;
import io.intime.shared.InvalidInputException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The field-level audit trail of one record (or of every record of a type), newest first.
 * Who reads what:
 * <ul>
 * <li>executives and admins: everything, including users, API tokens and denied requests
 * ({@code entityType=request});</li>
 * <li>a user: their own user record ({@code entityType=user&entityId=}their id) and their
 * own API tokens;</li>
 * <li>business records (accounts, contacts, contracts, …): as the owning module's
 * {@link HistoryAccess} decides, in short whoever may read the record now (sales
 * directors every record);</li>
 * <li>anything else is refused with a 403, recorded in the audit trail.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Who changed which field of which record, when, from what to what")
class AuditApi {

	private final AuditTrail audit;

	private final List<HistoryAccess> histories;

	private final ApiTokenService tokens;

	AuditApi(AuditTrail audit, List<HistoryAccess> histories, ApiTokenService tokens) {
		this.audit = audit;
		this.histories = histories;
		this.tokens = tokens;
	}

	@GetMapping
	@Operation(summary = "Read the audit trail of a record", description = "entityType (e.g. account, contact, "
			+ "contract, user, api_token, request) is required; without entityId every record of the type.")
	PageResult<AuditRecord> list(@RequestParam String entityType, @RequestParam(required = false) Long entityId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, CurrentUser user) {
		PageRequest request = new PageRequest(page, size);
		String type = entityType.trim();
		if (type.isEmpty()) {
			throw new InvalidInputException("entityType", "is required (e.g. account)");
		}
		if (!user.hasRole(Role.EXECUTIVE, Role.ADMIN)) {
			checkAccess(type, entityId, user);
		}
		return audit.history(type, entityId, request);
	}

	private void checkAccess(String type, Long entityId, CurrentUser user) {
		switch (type) {
			case "user" -> {
				if (entityId == null || entityId != user.id()) {
					throw new AccessDeniedException("Only executives and admins read the audit trail of other users");
				}
			}
			case "api_token" -> {
				if (entityId == null || tokens.list(user).stream().noneMatch(token -> token.id() == entityId)) {
					throw new AccessDeniedException("You read the audit trail of your own API tokens only");
				}
			}
			default -> histories.stream()
				.filter(history -> history.owns(type))
				.findFirst()
				.orElseThrow(() -> new AccessDeniedException(
						"Only executives and admins read the audit trail of " + type + " records"))
				.checkAudit(type, entityId, user);
		}
	}

}
