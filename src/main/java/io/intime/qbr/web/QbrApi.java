package io.intime.qbr.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.qbr.QbrFinalization;
import io.intime.qbr.QbrItems;
import io.intime.qbr.QbrPreparation;
import io.intime.qbr.QbrStatus;
import io.intime.qbr.QbrView;
import io.intime.shared.InvalidInputException;
import io.intime.shared.web.JsonForms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A QBR over REST: read it with its items and quality criteria, change its agenda and
 * notes, write its action items and decisions, send the pre-read, finalize it. Who may:
 * the "QBR documents" row of spec 03 (see {@link io.intime.qbr.Qbrs}).
 */
@RestController
@Tag(name = "QBRs", description = "Quarterly business reviews: preparation, meeting notes, action items and "
		+ "decisions, pre-read, finalize (spec 01 step 6, spec 02 step 9)")
class QbrApi {

	/**
	 * A QBR as the API shows it.
	 *
	 * @param quarter the quarter reviewed, e.g. {@code 2026-Q4}
	 * @param agenda its agenda, or the organization's template until it has one
	 */
	record QbrResource(long id, long accountId, String accountName, String quarter, LocalDate dueDate, QbrStatus status,
			Long meetingId, Instant startsAt, Long ownerId, String ownerName, String agenda, boolean agendaFromTemplate,
			String notes, Instant deckReadyAt, Boolean executiveAttended, Instant followUpSentAt, Instant completedAt,
			long version, List<QbrItems.Item> items, List<QbrPreparation.Criterion> quality) {

		static QbrResource of(QbrPreparation.Overview o) {
			QbrView q = o.qbr();
			return new QbrResource(q.id(), q.accountId(), q.accountName(), q.quarter().code(), q.dueDate(), q.status(),
					q.meetingId(), q.startsAt(), q.ownerId(), q.ownerName(), o.agenda(), o.agendaFromTemplate(),
					q.notes(), q.deckReadyAt(), q.executiveAttended(), q.followUpSentAt(), q.completedAt(), q.version(),
					o.items(), o.quality());
		}

	}

	record TextChange(String agenda, String notes) {
	}

	private final QbrPreparation preparation;

	private final QbrItems items;

	private final QbrFinalization finalization;

	private final JsonForms forms;

	QbrApi(QbrPreparation preparation, QbrItems items, QbrFinalization finalization, JsonForms forms) {
		this.preparation = preparation;
		this.items = items;
		this.finalization = finalization;
		this.forms = forms;
	}

	@GetMapping("/api/v1/qbrs/{id}")
	@Operation(summary = "One QBR with its items and quality criteria")
	QbrResource get(@PathVariable long id, CurrentUser user) {
		return QbrResource.of(preparation.overview(id, user));
	}

	@PatchMapping(path = "/api/v1/qbrs/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change the agenda or the notes",
			description = "Body: version (required), agenda, notes; a field left out stays as it is. A stale version is a "
					+ "409. The agenda of a finalized QBR stays as it was held.")
	QbrResource change(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode object = forms.object(body);
		long version = forms.take(object, "version");
		boolean agenda = object.has("agenda");
		boolean notes = object.has("notes");
		TextChange change = forms.create(object, TextChange.class, Map.of());
		if (agenda || notes) {
			preparation.update(id, agenda ? nullToEmpty(change.agenda()) : null,
					notes ? nullToEmpty(change.notes()) : null, version, user);
		}
		return get(id, user);
	}

	@PostMapping(path = "/api/v1/qbrs/{id}/items", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add an action item or a decision",
			description = "Body: kind (ACTION, the default, or DECISION), text, and for an action item its owner: "
					+ "ownerUserId (a user of the firm) or ownerContactId (a contact of the client), and dueDate. "
					+ "An action item without an owner is a 400 on owner.")
	ResponseEntity<QbrItems.Item> add(@PathVariable long id, @RequestBody(required = false) byte[] body,
			CurrentUser user) {
		QbrItems.ItemForm form = forms.create(forms.object(body), QbrItems.ItemForm.class, Map.of());
		QbrItems.Item item = items.add(id, form, user);
		return ResponseEntity.created(URI.create("/api/v1/qbrs/" + id + "/items/" + item.id())).body(item);
	}

	@GetMapping("/api/v1/qbrs/{id}/items/{itemId}")
	@Operation(summary = "One item of a QBR")
	QbrItems.Item item(@PathVariable long id, @PathVariable long itemId, CurrentUser user) {
		return items.get(id, itemId, user);
	}

	@PatchMapping(path = "/api/v1/qbrs/{id}/items/{itemId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Change an item, or mark it done",
			description = "Body: version (required); text, ownerUserId, ownerContactId, dueDate (a JSON merge patch: "
					+ "null clears); done (true or false). The kind does not change.")
	QbrItems.Item changeItem(@PathVariable long id, @PathVariable long itemId,
			@RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode object = forms.object(body);
		long version = forms.take(object, "version");
		JsonNode done = object.remove("done");
		if (done != null && !done.isBoolean()) {
			throw new InvalidInputException("done", "must be true or false");
		}
		QbrItems.Item item = items.get(id, itemId, user);
		if (object.has("kind") && !item.kind().name().equals(object.get("kind").asString())) {
			throw new InvalidInputException("kind", "does not change; remove the item and add another");
		}
		if (!object.isEmpty()) {
			QbrItems.ItemForm current = new QbrItems.ItemForm(item.kind(), item.text(), item.ownerUserId(),
					item.ownerContactId(), item.dueDate());
			QbrItems.ItemForm changed = forms.patch(current, object, QbrItems.ItemForm.class);
			item = items.update(id, itemId, changed, version, user);
			version = item.version();
		}
		if (done != null && done.booleanValue() != item.done()) {
			item = items.markDone(id, itemId, done.booleanValue(), version, user);
		}
		return item;
	}

	@DeleteMapping("/api/v1/qbrs/{id}/items/{itemId}")
	@Operation(summary = "Remove an item", description = "Not once the QBR is finalized.")
	ResponseEntity<Void> deleteItem(@PathVariable long id, @PathVariable long itemId, CurrentUser user) {
		items.delete(id, itemId, user);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = "/api/v1/qbrs/{id}/pre-read")
	@Operation(summary = "Send the pre-read email",
			description = "Emails the meeting's client attendees the newest generated deck's PDF and logs it on the "
					+ "account. Without a generated deck it is a 400 on deck: \"Generate the deck first\".")
	QbrPreparation.PreRead preRead(@PathVariable long id, CurrentUser user) {
		return preparation.sendPreRead(id, user);
	}

	@PostMapping(path = "/api/v1/qbrs/{id}/finalize", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Finalize the QBR",
			description = "Body: version (required). Creates the tasks of the firm's action items, tracks the client's, "
					+ "sends the summary email to the client's attendees, marks the QBR done, schedules the next one "
					+ "and records qbr.conducted. A stale version is a 409; a finalized QBR is a 400 on status.")
	QbrFinalization.Finalized finalizeQbr(@PathVariable long id, @RequestBody(required = false) byte[] body,
			CurrentUser user) {
		ObjectNode object = forms.object(body);
		long version = forms.take(object, "version");
		JsonForms.throwIfAny(object.propertyNames()
			.stream()
			.map(field -> new io.intime.shared.FieldError(field, "is not a known field"))
			.toList());
		return finalization.finalizeQbr(id, version, user);
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

}
