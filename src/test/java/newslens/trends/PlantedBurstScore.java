package newslens.trends;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import newslens.table.Granularity;
import newslens.tools.generate.PlantedBurst;

/**
 * Reported bursts scored against the bursts a generator planted (plain Java, the measure of issue 23).
 *
 * <p>A planted burst is <b>found</b> when a day burst of its person's entity key, of any level, starts within
 * one day of the planted start. A reported burst is <b>of a plant</b> when a planted person is its key
 * (kind {@code entity}) or one side of it (kind {@code pair}: the person's pairs surge with the person, as the
 * planted sentence lands in articles that name others) and the days it covers (a week burst covers its
 * weeks' seven days) overlap that plant's days; every other reported burst is <b>not planted</b>: it comes
 * from the generator's quiet background.
 */
record PlantedBurstScore(int planted, int found, int reported, int ofPlants, List<Reported> notPlanted,
                         List<String> missed) {

    /** A row of the bursts table. */
    record Reported(String kind, String key, String granularity, LocalDate start, LocalDate end, int level,
                    long nDocs) {
        /** The last day the burst covers. */
        LocalDate lastDay() {
            return granularity.equals(Granularity.WEEK.code()) ? end.plusDays(6) : end;
        }

        /** Periods from start to end. */
        long periods() {
            long days = end.toEpochDay() - start.toEpochDay();
            return (granularity.equals(Granularity.WEEK.code()) ? days / 7 : days) + 1;
        }
    }

    static PlantedBurstScore of(List<PlantedBurst> plants, List<Reported> reported) {
        int found = 0;
        List<String> missed = new ArrayList<>();
        for (PlantedBurst plant : plants) {
            LocalDate start = LocalDate.parse(plant.start());
            boolean hit = reported.stream().anyMatch(r -> r.kind().equals(TrendsStage.ENTITY)
                    && r.key().equals(plant.entityId()) && r.granularity().equals(Granularity.DAY.code())
                    && Math.abs(r.start().toEpochDay() - start.toEpochDay()) <= 1);
            if (hit) {
                found++;
            } else {
                missed.add(plant.entityId() + " " + plant.start() + ".." + plant.end());
            }
        }
        List<Reported> notPlanted = new ArrayList<>();
        int ofPlants = 0;
        for (Reported r : reported) {
            if (plants.stream().anyMatch(p -> ofPlant(r, p))) {
                ofPlants++;
            } else {
                notPlanted.add(r);
            }
        }
        return new PlantedBurstScore(plants.size(), found, reported.size(), ofPlants, List.copyOf(notPlanted),
                List.copyOf(missed));
    }

    private static boolean ofPlant(Reported r, PlantedBurst plant) {
        boolean key = switch (r.kind()) {
            case TrendsStage.ENTITY -> r.key().equals(plant.entityId());
            case TrendsStage.PAIR -> List.of(r.key().split("\\" + TrendsStage.PAIR_SEPARATOR)).contains(plant.entityId());
            default -> false;
        };
        return key && !r.start().isAfter(LocalDate.parse(plant.end()))
                && !r.lastDay().isBefore(LocalDate.parse(plant.start()));
    }

    /** Reported bursts not planted as a share of all reported ones (0 when none were reported). */
    double notPlantedShare() {
        return reported == 0 ? 0 : (double) notPlanted.size() / reported;
    }

    /** The bursts not planted counted by kind, granularity, level and length in periods. */
    Map<String, Integer> notPlantedBreakdown() {
        Map<String, Integer> counts = new TreeMap<>();
        for (Reported r : notPlanted) {
            counts.merge(r.kind() + "/" + r.granularity() + "/L" + r.level() + "/" + r.periods() + "p", 1, Integer::sum);
        }
        return counts;
    }

    String summary() {
        return String.format("planted %d, found %d (start within a day)%s; reported %d: %d of plants, %d not planted"
                        + " (%.1f%%) %s", planted, found, missed.isEmpty() ? "" : ", missed " + missed, reported,
                ofPlants, notPlanted.size(), 100 * notPlantedShare(), notPlantedBreakdown());
    }
}
