package io.intime.health.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.health.alerts.AlertThresholds;
import io.intime.health.alerts.Alerts;
import io.intime.health.model.HealthModel;
import io.intime.health.model.HealthModels;
import io.intime.health.model.Measure;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The health model page: the model every score is computed with (its components, bands
 * and colour thresholds, and its versions), readable by everyone so that any score can be
 * traced to its rules; admins edit the weights, bands and thresholds (each save is a new
 * version, and every score is recomputed with it) and the alert rules' thresholds.
 */
@Controller
class HealthModelPages {

	private final HealthModels models;

	private final Alerts alerts;

	HealthModelPages(HealthModels models, Alerts alerts) {
		this.models = models;
		this.alerts = alerts;
	}

	@Bean
	static NavigationItem healthModelNavigationItem() {
		return new NavigationItem("Health model", "/health-model", "activity", 80, Set.of());
	}

	/** The edit form, bound field by field (components[0].bands[1].points …). */
	public static class ModelForm {

		public String name;

		public Integer greenFrom;

		public Integer yellowFrom;

		public Integer basedOnVersion;

		public String note;

		public List<ComponentRow> components = new ArrayList<>();

	}

	public static class ComponentRow {

		public String key;

		public String label;

		public Measure measure;

		public Integer maximum;

		public Integer windowDays;

		public List<BandRow> bands = new ArrayList<>();

	}

	public static class BandRow {

		public Integer points;

		public String label;

		public BigDecimal min;

		public BigDecimal max;

		public BigDecimal min2;

		public BigDecimal max2;

	}

	/** The alert thresholds form. */
	public static class ThresholdsForm {

		public Integer npsDropPoints;

		public Integer touchpointDaysStrategic;

		public Integer touchpointDaysOther;

		public Integer noHiringDays;

		public Integer invoiceOverdueDays;

		public Integer escalationsPerMonth;

		public Long version;

	}

	@InitBinder({ "form", "thresholds" })
	void directFields(WebDataBinder binder) {
		binder.initDirectFieldAccess();
		binder.setAutoGrowCollectionLimit(200);
	}

	@GetMapping("/health-model")
	String show(Model model, CurrentUser me) {
		page(model, me, null, null, false);
		return "health/model";
	}

	@GetMapping("/health-model/edit")
	String edit(Model model, CurrentUser me) {
		requireAdmin(me);
		page(model, me, formOf(models.current()), null, true);
		return "health/model";
	}

	@PostMapping("/health-model")
	String save(@ModelAttribute("form") ModelForm form, BindingResult binding, Model model, CurrentUser me,
			RedirectAttributes redirect) {
		requireAdmin(me);
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors()
			.forEach(e -> errors.putIfAbsent(e.getField(),
					e.isBindingFailure() ? "must be a number" : e.getDefaultMessage()));
		if (errors.isEmpty()) {
			try {
				HealthModel saved = models.save(draft(form), form.basedOnVersion == null ? 0 : form.basedOnVersion,
						form.note, me);
				redirect.addFlashAttribute("toast",
						"Health model version " + saved.version() + " saved; every account is being rescored with it.");
				return "redirect:/health-model";
			}
			catch (InvalidInputException e) {
				for (FieldError error : e.errors()) {
					errors.putIfAbsent(error.field(), error.message());
				}
			}
			catch (StaleVersionException e) {
				model.addAttribute("conflict", e.getMessage());
			}
		}
		model.addAttribute("errors", errors);
		page(model, me, form, errors, true);
		return "health/model";
	}

	/** Switches to a preset model (a new version), e.g. spec 01's five components. */
	@PostMapping("/health-model/preset")
	String preset(@org.springframework.web.bind.annotation.RequestParam String preset,
			@org.springframework.web.bind.annotation.RequestParam int basedOnVersion, CurrentUser me,
			RedirectAttributes redirect) {
		requireAdmin(me);
		io.intime.health.model.HealthModelPresets chosen = io.intime.health.model.HealthModelPresets.named(preset);
		if (chosen == null) {
			redirect.addFlashAttribute("flashError", "Preset: there is no preset " + preset);
			return "redirect:/health-model";
		}
		try {
			HealthModel saved = models.save(chosen.model(), basedOnVersion, "Preset: " + chosen.label(), me);
			redirect.addFlashAttribute("toast", "Health model version " + saved.version() + ": " + chosen.label()
					+ "; every account is being rescored with it.");
		}
		catch (StaleVersionException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/health-model";
	}

	@PostMapping("/health-model/alert-settings")
	String saveThresholds(@ModelAttribute("thresholds") ThresholdsForm form, BindingResult binding, Model model,
			CurrentUser me, RedirectAttributes redirect) {
		requireAdmin(me);
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors()
			.forEach(e -> errors.putIfAbsent("thresholds." + e.getField(), "must be a whole number"));
		if (errors.isEmpty()) {
			try {
				alerts.updateSettings(new AlertThresholds(zero(form.npsDropPoints), zero(form.touchpointDaysStrategic),
						zero(form.touchpointDaysOther), zero(form.noHiringDays), zero(form.invoiceOverdueDays),
						zero(form.escalationsPerMonth)), form.version == null ? -1 : form.version, me);
				redirect.addFlashAttribute("toast", "Alert thresholds saved.");
				return "redirect:/health-model#alert-rules";
			}
			catch (InvalidInputException e) {
				e.errors().forEach(error -> errors.putIfAbsent("thresholds." + error.field(), error.message()));
			}
			catch (StaleVersionException e) {
				model.addAttribute("thresholdsConflict", e.getMessage());
			}
		}
		model.addAttribute("thresholdErrors", errors);
		page(model, me, null, null, false);
		model.addAttribute("thresholds", form);
		return "health/model";
	}

	/** A component as the page shows it: its bands with their bounds in words. */
	record ComponentView(String key, String label, String measure, String input, String secondInput, int maximum,
			String window, List<BandView> bands) {
	}

	record BandView(int points, String label, String bounds) {
	}

	static List<ComponentView> views(HealthModel model) {
		return model.components()
			.stream()
			.map(c -> new ComponentView(c.key(), c.label(), c.measure().name(), c.measure().input(),
					c.measure().secondInput(), c.maximum(),
					c.measure().windowed() ? "last " + c.windowDays() + " days" : "today",
					c.bands().stream().map(b -> new BandView(b.points(), b.label(), bounds(c.measure(), b))).toList()))
			.toList();
	}

	static String bounds(Measure measure, HealthModel.Band b) {
		List<String> parts = new ArrayList<>();
		bound(parts, measure.input(), b.min(), b.max());
		if (measure.secondInput() != null) {
			bound(parts, measure.secondInput(), b.min2(), b.max2());
		}
		return parts.isEmpty() ? "otherwise" : String.join(" and ", parts);
	}

	private static void bound(List<String> parts, String name, BigDecimal min, BigDecimal max) {
		String low = min == null ? null : min.stripTrailingZeros().toPlainString();
		String high = max == null ? null : max.stripTrailingZeros().toPlainString();
		if (low != null && high != null) {
			parts.add(name + " " + low + "–" + high);
		}
		else if (low != null) {
			parts.add(name + " ≥ " + low);
		}
		else if (high != null) {
			parts.add(name + " ≤ " + high);
		}
	}

	private void page(Model model, CurrentUser me, ModelForm form, Map<String, String> errors, boolean editing) {
		HealthModel current = models.current();
		model.addAttribute("model", current);
		model.addAttribute("presets", io.intime.health.model.HealthModelPresets.values());
		model.addAttribute("components", views(current));
		model.addAttribute("versions", models.versions());
		model.addAttribute("editing", editing);
		model.addAttribute("admin", me.hasRole(Role.ADMIN));
		model.addAttribute("measures", Measure.values());
		model.addAttribute("form", form);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", errors == null ? Map.of() : errors);
		}
		Alerts.Settings settings = alerts.settings();
		model.addAttribute("settings", settings);
		if (!model.containsAttribute("thresholds")) {
			ThresholdsForm t = new ThresholdsForm();
			AlertThresholds th = settings.thresholds();
			t.npsDropPoints = th.npsDropPoints();
			t.touchpointDaysStrategic = th.touchpointDaysStrategic();
			t.touchpointDaysOther = th.touchpointDaysOther();
			t.noHiringDays = th.noHiringDays();
			t.invoiceOverdueDays = th.invoiceOverdueDays();
			t.escalationsPerMonth = th.escalationsPerMonth();
			t.version = settings.version();
			model.addAttribute("thresholds", t);
		}
		if (!model.containsAttribute("thresholdErrors")) {
			model.addAttribute("thresholdErrors", Map.of());
		}
	}

	static ModelForm formOf(HealthModel model) {
		ModelForm form = new ModelForm();
		form.name = model.name();
		form.greenFrom = model.greenFrom();
		form.yellowFrom = model.yellowFrom();
		form.basedOnVersion = model.version();
		for (HealthModel.Component c : model.components()) {
			ComponentRow row = new ComponentRow();
			row.key = c.key();
			row.label = c.label();
			row.measure = c.measure();
			row.maximum = c.maximum();
			row.windowDays = c.windowDays();
			for (HealthModel.Band b : c.bands()) {
				BandRow band = new BandRow();
				band.points = b.points();
				band.label = b.label();
				band.min = b.min();
				band.max = b.max();
				band.min2 = b.min2();
				band.max2 = b.max2();
				row.bands.add(band);
			}
			row.bands.add(new BandRow()); // room for one more band
			form.components.add(row);
		}
		return form;
	}

	/**
	 * The form as a model; a band row without points and label is an empty slot and is
	 * left out.
	 */
	static HealthModel draft(ModelForm form) {
		List<HealthModel.Component> components = new ArrayList<>();
		for (ComponentRow row : form.components) {
			if (row == null) {
				continue;
			}
			List<HealthModel.Band> bands = new ArrayList<>();
			for (BandRow b : row.bands) {
				if (b == null || (b.points == null && (b.label == null || b.label.isBlank()))) {
					continue;
				}
				bands.add(new HealthModel.Band(b.points == null ? -1 : b.points, b.label == null ? "" : b.label, b.min,
						b.max, b.min2, b.max2));
			}
			components.add(new HealthModel.Component(row.key == null ? "" : row.key, row.label == null ? "" : row.label,
					row.measure, row.maximum == null ? 0 : row.maximum, row.windowDays == null ? 0 : row.windowDays,
					bands));
		}
		return new HealthModel(0, form.name == null ? "" : form.name, components,
				form.greenFrom == null ? 0 : form.greenFrom, form.yellowFrom == null ? 0 : form.yellowFrom, null, null,
				null);
	}

	private static int zero(Integer value) {
		return value == null ? 0 : value;
	}

	private static void requireAdmin(CurrentUser me) {
		if (!me.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException("Only admins change the health model");
		}
	}

}
