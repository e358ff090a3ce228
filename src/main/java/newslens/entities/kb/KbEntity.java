package newslens.entities.kb;

import newslens.entities.EntityIds;
import newslens.entities.EntityType;
import java.io.Serializable;
import java.util.List;

/**
 * One knowledge-base entry as written in the JSON files under {@code newslens/kb/}.
 *
 * @param id               stable id; when absent it is derived from type and name ({@link EntityIds})
 * @param type             PER/LOC/ORG/MISC; when absent the file's default type applies
 * @param kind             finer class: country, province, city, region, org, person, landmark, event...
 * @param name             canonical name in Vietnamese press spelling
 * @param aliases          other surface forms (matched case-sensitively, like the name)
 * @param ambiguousAliases forms that are also common words or given names ({@code Anh}, {@code Mỹ}, {@code Nga}):
 *                         matched only mid-sentence and not glued to another unknown capitalised syllable;
 *                         may include the name itself
 * @param nameOrder        for people: {@code western} (given name first: generates {@code Putin},
 *                         {@code V.Putin}); anything else generates no short forms
 * @param country          id of the country the entry belongs to (provinces: {@code loc:viet_nam})
 * @param successor        id of the unit it was merged into (2025 provincial merger), if any
 * @param wikidata         optional Wikidata id
 */
public record KbEntity(String id, EntityType type, String kind, String name, List<String> aliases,
                       List<String> ambiguousAliases, String nameOrder, String country, String successor,
                       String wikidata) implements Serializable {

    public KbEntity {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        ambiguousAliases = ambiguousAliases == null ? List.of() : List.copyOf(ambiguousAliases);
    }

    /** This entry with the file-level defaults filled in and its id computed. */
    KbEntity withDefaults(EntityType defaultType, String defaultKind, String defaultCountry) {
        EntityType t = type != null ? type : defaultType;
        String k = kind != null ? kind : defaultKind;
        String c = country != null ? country : defaultCountry;
        String i = id != null ? id : EntityIds.fromName(t, name);
        return new KbEntity(i, t, k, name, aliases, ambiguousAliases, nameOrder, c, successor, wikidata);
    }
}
