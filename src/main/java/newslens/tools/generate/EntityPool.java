package newslens.tools.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import newslens.entities.kb.KbEntity;
import newslens.entities.kb.KbRole;
import newslens.entities.kb.KnowledgeBase;

/**
 * The knowledge-base entries the generator may plant, grouped by template slot and sorted by id (the
 * knowledge base's own map has no stable order, and the corpus must be the same in every JVM). Picks are
 * skewed towards the first entries, so the corpus has hubs and a long tail the way real news has.
 */
final class EntityPool {

    /** An entry and the surface forms it may be written as: its name first, then its unambiguous aliases. */
    record Candidate(String entityId, List<String> surfaces) {}

    private final KnowledgeBase kb;
    private final Map<String, List<Candidate>> bySlot;
    private final List<KbRole> roles;

    EntityPool(KnowledgeBase kb, TemplateBook book) {
        this.kb = kb;
        Map<String, List<Candidate>> slots = new LinkedHashMap<>();
        book.slots().forEach((slot, rule) -> {
            List<Candidate> candidates = new ArrayList<>();
            for (KbEntity entity : kb.entities()) {
                if (rule.accepts(entity.type(), entity.kind())) {
                    candidates.add(new Candidate(entity.id(), surfaces(entity)));
                }
            }
            if (candidates.isEmpty()) {
                throw new IllegalStateException("no knowledge-base entry fills slot {" + slot + "}");
            }
            candidates.sort(java.util.Comparator.comparing(Candidate::entityId));
            slots.put(slot, List.copyOf(candidates));
        });
        this.bySlot = Map.copyOf(slots);
        // Bare domestic titles (Thủ tướng) name a holder only in an article about Vietnam: not planted.
        this.roles = kb.roles().stream().filter(r -> !r.domestic())
                .sorted(java.util.Comparator.comparing(KbRole::name)).toList();
    }

    boolean hasSlot(String slot) {
        return bySlot.containsKey(slot);
    }

    /** The entries of {@code slot}, by id: the last are the ones {@link #pick} seldom draws. */
    List<Candidate> candidates(String slot) {
        return bySlot.get(slot);
    }

    /** A skewed pick: the first entries of the slot far more often than the last. */
    Candidate pick(String slot, SplittableRandom rng) {
        List<Candidate> candidates = bySlot.get(slot);
        double u = rng.nextDouble();
        return candidates.get((int) (candidates.size() * u * u * u));
    }

    /** An office title whose holder on {@code date} the knowledge base knows, with that holder. */
    Optional<Map.Entry<String, String>> pickRole(LocalDate date, SplittableRandom rng) {
        for (int attempt = 0; attempt < 8; attempt++) {
            KbRole role = roles.get(rng.nextInt(roles.size()));
            Optional<String> holder = kb.holderOn(role, date);
            if (holder.isPresent()) {
                return Optional.of(Map.entry(role.name(), holder.get()));
            }
        }
        return Optional.empty();
    }

    private static List<String> surfaces(KbEntity entity) {
        List<String> forms = new ArrayList<>();
        forms.add(entity.name());
        for (String alias : entity.aliases()) {
            if (!entity.ambiguousAliases().contains(alias) && !forms.contains(alias)) {
                forms.add(alias);
            }
        }
        return List.copyOf(forms);
    }
}
