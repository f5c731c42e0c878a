package io.intime.workflows.web;

import java.util.List;
import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.FormErrors;
import io.intime.workflows.FieldType;
import io.intime.workflows.StepType;
import io.intime.workflows.TemplateDefinition;
import io.intime.workflows.WorkflowTemplates;
import io.intime.workflows.WorkflowTemplates.TemplateSummary;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The templates' pages: the list, a template's steps and roles as people read them with
 * its versions, and for admins copying and editing (the definition as JSON, checked
 * before it is saved as the next version; running runs keep theirs).
 */
@Controller
class WorkflowTemplatePages {

	private final WorkflowTemplates templates;

	private final JsonMapper pretty;

	private final JsonMapper json;

	WorkflowTemplatePages(WorkflowTemplates templates, JsonMapper json) {
		this.templates = templates;
		this.json = json;
		this.pretty = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
	}

	@GetMapping("/workflows/templates")
	String list(CurrentUser me, Model model) {
		model.addAttribute("templates", templates.list());
		model.addAttribute("mayEdit", WorkflowTemplates.mayEdit(me));
		return "workflows/templates";
	}

	@GetMapping("/workflows/templates/{id}")
	String template(@PathVariable long id, @RequestParam(required = false) Long version, CurrentUser me, Model model) {
		TemplateSummary template = templates.get(id);
		List<WorkflowTemplates.VersionSummary> versions = templates.versions(id);
		long shown = version != null && versions.stream().anyMatch(v -> v.id() == version) ? version
				: template.currentVersionId();
		model.addAttribute("template", template);
		model.addAttribute("definition", templates.definition(shown));
		model.addAttribute("versions", versions);
		model.addAttribute("shownVersion", shown);
		model.addAttribute("mayEdit", WorkflowTemplates.mayEdit(me));
		model.addAttribute("errors", FormErrors.none());
		return "workflows/template";
	}

	@GetMapping("/workflows/templates/{id}/edit")
	String edit(@PathVariable long id, CurrentUser me, Model model) {
		requireEditor(me);
		TemplateSummary template = templates.get(id);
		return editPage(template, template.name(), template.description(),
				pretty.writeValueAsString(templates.definition(template.currentVersionId())), "", template.version(),
				FormErrors.none(), model);
	}

	@PostMapping("/workflows/templates/{id}")
	String save(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String description, @RequestParam(required = false) String definition,
			@RequestParam(required = false) String note, @RequestParam long version, CurrentUser me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		requireEditor(me);
		TemplateSummary template = templates.get(id);
		String text = definition == null ? "" : definition;
		try {
			TemplateDefinition parsed = parse(text);
			TemplateSummary saved = templates.saveVersion(id, name, description, parsed, note, version, me);
			redirect.addFlashAttribute("toast", "Saved as version " + saved.currentVersion());
			return "redirect:/workflows/templates/" + id;
		}
		catch (InvalidInputException refused) {
			response.setStatus(422);
			return editPage(template, name, description, text, note, version, FormErrors.of(refused.errors()), model);
		}
		catch (StaleVersionException stale) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("flashError", "Someone saved this template while you were editing: your text is kept "
					+ "below; the page now edits their version " + templates.get(id).currentVersion() + ".");
			return editPage(template, name, description, text, note, templates.get(id).version(), FormErrors.none(),
					model);
		}
	}

	private TemplateDefinition parse(String text) {
		if (text.isBlank()) {
			throw new InvalidInputException("definition", "is required");
		}
		try {
			return json.readValue(text, TemplateDefinition.class);
		}
		catch (JacksonException ex) {
			String message = ex.getOriginalMessage();
			var location = ex.getLocation();
			throw new InvalidInputException("definition",
					"is not valid JSON"
							+ (location == null ? ""
									: " at line " + location.getLineNr() + ", column " + location.getColumnNr())
							+ ": " + (message == null ? "" : message.split("\n")[0]));
		}
	}

	private String editPage(TemplateSummary template, String name, String description, String definition, String note,
			long version, FormErrors errors, Model model) {
		model.addAttribute("template", template);
		model.addAttribute("name", name);
		model.addAttribute("description", description);
		model.addAttribute("definitionText", definition);
		model.addAttribute("note", note);
		model.addAttribute("version", version);
		model.addAttribute("errors", errors);
		model.addAttribute("stepTypes", StepType.values());
		model.addAttribute("fieldTypes", FieldType.values());
		model.addAttribute("actions", templates.actions());
		return "workflows/template-edit";
	}

	@PostMapping("/workflows/templates/{id}/copy")
	String copy(@PathVariable long id, @RequestParam(required = false) String name, CurrentUser me,
			RedirectAttributes redirect) {
		requireEditor(me);
		try {
			TemplateSummary copy = templates.copy(id, name, me);
			redirect.addFlashAttribute("toast", "Copied: edit the copy as you need");
			return "redirect:/workflows/templates/" + copy.id() + "/edit";
		}
		catch (InvalidInputException refused) {
			redirect.addFlashAttribute("flashError", "Name the copy: " + refused.errors().get(0).message());
			return "redirect:/workflows/templates/" + id;
		}
	}

	@PostMapping("/workflows/templates/{id}/archive")
	String archive(@PathVariable long id, @RequestParam boolean archived, @RequestParam long version, CurrentUser me,
			RedirectAttributes redirect) {
		requireEditor(me);
		try {
			templates.archive(id, archived, version, me);
			redirect.addFlashAttribute("toast", archived ? "Archived: it starts no new runs" : "Restored");
		}
		catch (StaleVersionException stale) {
			redirect.addFlashAttribute("flashError", "Someone changed this template meanwhile; look again.");
		}
		return "redirect:/workflows/templates/" + id;
	}

	private static void requireEditor(CurrentUser me) {
		if (!WorkflowTemplates.mayEdit(me)) {
			throw new AccessDeniedException("Only admins change workflow templates");
		}
	}

	Map<String, Object> none() {
		return Map.of();
	}

}
