package newslens.trends;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import newslens.tools.generate.PlantedBurst;
import org.junit.jupiter.api.Test;

class PlantedBurstScoreTest {

    private static final List<PlantedBurst> PLANTS = List.of(
            new PlantedBurst("per:a", "A", "2024-03-06", "2024-03-09", 0.3),
            new PlantedBurst("per:b", "B", "2024-04-01", "2024-04-03", 0.3));

    private static PlantedBurstScore.Reported burst(String kind, String key, String granularity, String start,
                                                    String end) {
        return new PlantedBurstScore.Reported(kind, key, granularity, LocalDate.parse(start), LocalDate.parse(end), 1,
                10);
    }

    @Test
    void aPlantIsFoundByADayBurstOfItsKeyStartingWithinADay() {
        PlantedBurstScore score = PlantedBurstScore.of(PLANTS, List.of(
                burst("entity", "per:a", "day", "2024-03-05", "2024-03-09"),
                burst("entity", "per:b", "day", "2024-03-30", "2024-04-03"),    // two days early
                burst("entity", "per:b", "week", "2024-04-01", "2024-04-01"))); // a week burst does not find
        assertEquals(1, score.found());
        assertEquals(List.of("per:b 2024-04-01..2024-04-03"), score.missed());
    }

    @Test
    void burstsOfAPlantedPersonOrItsPairsOverlappingThePlantAreThePlants() {
        List<PlantedBurstScore.Reported> ofPlants = List.of(
                burst("entity", "per:a", "day", "2024-03-09", "2024-03-12"),
                burst("pair", "loc:x|per:a", "day", "2024-03-07", "2024-03-07"),
                burst("entity", "per:a", "week", "2024-03-04", "2024-03-04"),
                burst("entity", "per:b", "week", "2024-03-25", "2024-03-25"));   // covers to 03-31: no overlap
        List<PlantedBurstScore.Reported> notPlanted = List.of(
                ofPlants.get(3),
                burst("entity", "per:a", "day", "2024-03-10", "2024-03-12"),     // after the plant
                burst("pair", "loc:x|loc:y", "day", "2024-03-07", "2024-03-07"),
                burst("entity", "per:c", "day", "2024-03-07", "2024-03-08"));    // surging with a plant, not planted
        PlantedBurstScore score = PlantedBurstScore.of(PLANTS, List.of(ofPlants.get(0), ofPlants.get(1),
                ofPlants.get(2), notPlanted.get(0), notPlanted.get(1), notPlanted.get(2), notPlanted.get(3)));
        assertEquals(7, score.reported());
        assertEquals(3, score.ofPlants());
        assertEquals(notPlanted, score.notPlanted());
        assertEquals(4.0 / 7, score.notPlantedShare(), 1e-12);
    }
}
