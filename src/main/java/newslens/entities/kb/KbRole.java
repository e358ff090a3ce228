package newslens.entities.kb;

import java.io.Serializable;
import java.util.List;

/**
 * An office whose title is used as a name ({@code Tổng thống Mỹ}), with who held it when.
 *
 * @param name     the title as written ({@code Tổng thống Mỹ})
 * @param aliases  other ways of writing it ({@code Tổng thống Hoa Kỳ})
 * @param country  id of the country the office belongs to
 * @param domestic true for titles that, written bare ({@code Thủ tướng}), mean the Vietnamese office
 *                 in an article about Vietnam
 * @param holders  who held it, with half-open date ranges
 */
public record KbRole(String name, List<String> aliases, String country, boolean domestic,
                     List<Holder> holders) implements Serializable {

    public KbRole {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        holders = holders == null ? List.of() : List.copyOf(holders);
    }

    /**
     * A term of office; dates are ISO strings so the files need no Jackson time module.
     *
     * @param id   the holder's person id
     * @param from first day in office (inclusive)
     * @param to   first day out of office (exclusive); null while in office
     */
    public record Holder(String id, String from, String to) implements Serializable {
    }
}
