package io.flotilla.api.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.flotilla.api.manifest.Manifests;
import io.flotilla.api.meta.LabelSelector;
import io.flotilla.api.meta.LabelSelectorRequirement;
import io.flotilla.api.validation.FieldError;
import io.flotilla.api.validation.ValidationErrors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ReplicaSet: builder equals YAML; selectors with expressions are validated and matched. */
class ReplicaSetTest {

    private static List<String> errors(ReplicaSet rs) {
        ValidationErrors errors = new ValidationErrors();
        ReplicaSet.TYPE.validator().validate(rs, errors);
        return errors.list().stream().map(FieldError::toString).toList();
    }

    @Test
    void builderEqualsYaml() {
        ReplicaSet built = ReplicaSet.named("cache").replicas(2).minReadySeconds(5)
                .podLabel("app", "cache").podLabel("tier", "db")
                .container("redis", c -> c.image("redis:7"))
                .build();
        ReplicaSet yaml = Manifests.strict().readOne("""
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: cache
                spec:
                  replicas: 2
                  minReadySeconds: 5
                  selector:
                    matchLabels: {tier: db, app: cache}
                  template:
                    metadata:
                      labels: {app: cache, tier: db}
                    spec:
                      containers:
                        - name: redis
                          image: redis:7
                """, ReplicaSet.class);

        assertThat(built).isEqualTo(yaml);
        assertThat(errors(built)).isEmpty();
    }

    @Test
    void expressionSelectorsAreMatchedAgainstTheTemplate() {
        LabelSelector tierIn = LabelSelector.matchLabel("app", "cache")
                .and(LabelSelectorRequirement.in("tier", "db", "cache"));
        ReplicaSet matching = ReplicaSet.named("cache").podLabel("app", "cache").podLabel("tier", "db")
                .selector(tierIn).container("redis", c -> c.image("redis:7")).build();
        ReplicaSet notMatching = matching.toBuilder().podLabel("tier", "web").build();

        assertThat(errors(matching)).isEmpty();
        assertThat(errors(notMatching)).singleElement().asString()
                .startsWith("spec.template.metadata.labels: Invalid value");
    }

    @Test
    void invalidSelectorIsReportedOnceWhereItIs() {
        LabelSelector bad = LabelSelector.matchLabel("app", "cache")
                .and(new LabelSelectorRequirement("tier", "Like", List.of("db")));
        ReplicaSet rs = ReplicaSet.named("cache").selector(bad).container("redis", c -> c.image("redis:7")).build();

        assertThat(errors(rs)).singleElement().asString()
                .startsWith("spec.selector.matchExpressions[0].operator: Unsupported value: \"Like\"");
    }
}
