package io.intime.revenue.web;

import java.util.List;
import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.revenue.ProposalDiff;
import io.intime.revenue.ProposalForm;
import io.intime.revenue.ProposalView;
import io.intime.revenue.Proposals;
import io.intime.shared.InvalidInputException;
import io.intime.shared.web.JsonForms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Expansion proposals over REST ({@link Proposals}): draft from an opportunity, save
 * versions, compare them, request a review, approve or return, send and download the PDF.
 * Every change carries the proposal's {@code version}; a stale one is a 409.
 */
@RestController
@RequestMapping("/api/v1/proposals")
@Tag(name = "Proposals", description = "Expansion proposals: versions, review, approval and the sent PDF")
class ProposalApi {

	private final Proposals proposals;

	private final JsonForms forms;

	ProposalApi(Proposals proposals, JsonForms forms) {
		this.proposals = proposals;
		this.forms = forms;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Draft the proposal of an opportunity",
			description = "{\"opportunityId\": 12}: prefilled from the account (relationship, placements, the "
					+ "contract's rate card and payment terms, the top-ranked recruiter, the champion). 201 with the "
					+ "proposal; an opportunity that has one already answers 200 with it.")
	ResponseEntity<ProposalView> draft(@RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long opportunityId = forms.take(json, "opportunityId");
		boolean existed = proposals.ofOpportunity(opportunityId, user).isPresent();
		ProposalView proposal = proposals.draft(opportunityId, user);
		if (existed) {
			return ResponseEntity.ok(proposal);
		}
		return ResponseEntity.created(
				ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(proposal.id()).toUri())
			.body(proposal);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a proposal with its current version, flags and projected value")
	ProposalView get(@PathVariable long id, CurrentUser user) {
		return proposals.get(id, user);
	}

	@GetMapping("/{id}/versions/{number}")
	@Operation(summary = "Read one saved version")
	ProposalView.Content version(@PathVariable long id, @PathVariable int number, CurrentUser user) {
		return proposals.version(id, number, user);
	}

	@GetMapping("/{id}/diff")
	@Operation(summary = "Compare two versions",
			description = "Per part, the text that stayed, was inserted or deleted.")
	List<ProposalDiff.Part> diff(@PathVariable long id, @RequestParam int from, @RequestParam int to,
			CurrentUser user) {
		return proposals.diff(id, from, to, user);
	}

	@PostMapping(path = "/{id}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Save a new version",
			description = "{\"version\": 3, \"title\": \"…\", \"sections\": {\"SUMMARY\": \"…\", \"SCOPE\": \"…\"}, "
					+ "\"rates\": [{\"role\": \"Graphic Designer\", \"rate\": \"65\"}], \"discountPercent\": \"0\", "
					+ "\"lowRoles\": 6, \"lowMonths\": 6, \"highRoles\": 8, \"highMonths\": 9, \"hoursPerMonth\": 160}. "
					+ "The proposal becomes a draft again (an approved one needs approval again).")
	ProposalView save(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long version = forms.take(json, "version");
		ProposalForm form = forms.create(json, ProposalForm.class, Map.of());
		return proposals.save(id, form, version, user);
	}

	@PostMapping(path = "/{id}/review-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Request a review",
			description = "{\"version\": 4}: to the sales director, as a " + "notification and a task.")
	ProposalView requestReview(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		return proposals.requestReview(id, forms.take(forms.object(body), "version"), user);
	}

	@PostMapping(path = "/{id}/approval", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Approve the version in review", description = "{\"version\": 5}. Sales directors and "
			+ "executives; admins only for proposals without flags.")
	ProposalView approve(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		return proposals.approve(id, forms.take(forms.object(body), "version"), user);
	}

	@PostMapping(path = "/{id}/return", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Return the version in review with comments",
			description = "{\"version\": 5, \"comment\": \"…\"}; the comment is required.")
	ProposalView returnToAuthor(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long version = forms.take(json, "version");
		JsonNode comment = json.get("comment");
		if (comment != null && !comment.isNull() && !comment.isString()) {
			throw new InvalidInputException("comment", "must be text");
		}
		return proposals.returnToAuthor(id, comment == null || comment.isNull() ? null : comment.asString(), version,
				user);
	}

	@PostMapping(path = "/{id}/sending", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Send the approved version as a PDF",
			description = "{\"version\": 6}: renders the PDF, keeps it, moves the opportunity to PROPOSAL when earlier.")
	ProposalView send(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		return proposals.send(id, forms.take(forms.object(body), "version"), user);
	}

	@GetMapping(path = "/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "Download the sent PDF")
	ResponseEntity<byte[]> pdf(@PathVariable long id, CurrentUser user) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(proposals.pdfName(id, user), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(proposals.pdf(id, user));
	}

}
