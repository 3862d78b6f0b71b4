package us.anth.plexus.helm;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** An RBAC rule in comparable form: order of groups, resources, names and verbs does not matter. */
record Rule(
    Set<String> apiGroups, Set<String> resources, Set<String> resourceNames, Set<String> verbs) {

  static Rule of(String apiGroup, String resource, String... verbs) {
    return new Rule(Set.of(apiGroup), Set.of(resource), Set.of(), Set.of(verbs));
  }

  static Rule named(String apiGroup, String resource, String name, String... verbs) {
    return new Rule(Set.of(apiGroup), Set.of(resource), Set.of(name), Set.of(verbs));
  }

  static Rule from(PolicyRule rule) {
    return new Rule(
        sorted(rule.getApiGroups()),
        sorted(rule.getResources()),
        sorted(rule.getResourceNames()),
        sorted(rule.getVerbs()));
  }

  static Set<Rule> from(List<PolicyRule> rules) {
    return Set.copyOf(rules.stream().map(Rule::from).toList());
  }

  private static Set<String> sorted(Collection<String> values) {
    return values == null ? Set.of() : new TreeSet<>(values);
  }
}
