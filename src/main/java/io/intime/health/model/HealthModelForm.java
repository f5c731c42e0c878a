package io.intime.health.model;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * A health model as an admin edits it (page or API): everything but the version and its
 * stamp.
 */
public record HealthModelForm(@Size(max = HealthModels.MAX_NAME) String name, Integer greenFrom, Integer yellowFrom,
		@Size(max = HealthModels.MAX_COMPONENTS,
				message = "may have at most {max} components") List<HealthModel.Component> components) {

	public HealthModel toDraft() {
		return new HealthModel(0, name, components == null ? List.of() : components, greenFrom == null ? 0 : greenFrom,
				yellowFrom == null ? 0 : yellowFrom, null, null, null);
	}

	public static HealthModelForm of(HealthModel model) {
		return new HealthModelForm(model.name(), model.greenFrom(), model.yellowFrom(), model.components());
	}
}
