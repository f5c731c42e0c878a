package io.intime.health.model;

import java.util.List;

/** A health model as an admin edits it (page or API): everything but the version and its stamp. */
public record HealthModelForm(String name, Integer greenFrom, Integer yellowFrom, List<HealthModel.Component> components) {

    public HealthModel toDraft() {
        return new HealthModel(0, name, components == null ? List.of() : components, greenFrom == null ? 0 : greenFrom,
                yellowFrom == null ? 0 : yellowFrom, null, null, null);
    }

    public static HealthModelForm of(HealthModel model) {
        return new HealthModelForm(model.name(), model.greenFrom(), model.yellowFrom(), model.components());
    }
}
