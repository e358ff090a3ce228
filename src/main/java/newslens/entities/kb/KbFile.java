package newslens.entities.kb;

import newslens.entities.EntityType;
import java.util.List;

/**
 * The shape of one knowledge-base JSON file: entities sharing a default type/kind/country, and roles.
 * Users extend the knowledge base with their own files of the same shape.
 */
public record KbFile(EntityType type, String kind, String country, List<KbEntity> entities, List<KbRole> roles) {

    public KbFile {
        entities = entities == null ? List.of() : entities;
        roles = roles == null ? List.of() : roles;
    }
}
