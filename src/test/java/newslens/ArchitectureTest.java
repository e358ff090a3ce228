package newslens;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of the packages: tools → app → stages → pipeline (the stage contract and runner)
 * → table, text, dates. A stage never imports another stage; the job never depends on the tools.
 */
class ArchitectureTest {

    /** The stage packages (and the dashboard, which reads the published tables like a stage). */
    private static final List<String> STAGES =
            List.of("ingest", "entities", "cooccurrence", "topics", "trends", "dashboard");

    /** The job's compiled classes only (scanning the whole class path for the package takes minutes). */
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importLocations(java.util.Set.of(com.tngtech.archunit.core.importer.Location.of(
                    newslens.app.Main.class.getProtectionDomain().getCodeSource().getLocation())));

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("tools").definedBy("newslens.tools..")
                .layer("app").definedBy("newslens.app..")
                .layer("stages").definedBy(STAGES.stream().map(s -> "newslens." + s + "..").toArray(String[]::new))
                .layer("pipeline").definedBy("newslens.pipeline..")
                .layer("foundation").definedBy("newslens.table..", "newslens.text..", "newslens.dates..")
                .whereLayer("tools").mayNotBeAccessedByAnyLayer()
                .whereLayer("app").mayOnlyBeAccessedByLayers("tools")
                .whereLayer("stages").mayOnlyBeAccessedByLayers("app", "tools")
                .whereLayer("pipeline").mayOnlyBeAccessedByLayers("stages", "app", "tools")
                .check(MAIN);
    }

    @Test
    void noStageImportsAnother() {
        for (String stage : STAGES) {
            String[] others = STAGES.stream().filter(s -> !s.equals(stage)).map(s -> "newslens." + s + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("newslens." + stage + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .because("stages share rules through table and text, never through each other")
                    .check(MAIN);
        }
    }

    @Test
    void theFoundationKnowsNothingOfTheLayersAbove() {
        noClasses().that().resideInAnyPackage("newslens.table..", "newslens.text..", "newslens.dates..")
                .should().dependOnClassesThat().resideInAnyPackage("newslens.pipeline..", "newslens.app..",
                        "newslens.tools..", "newslens.ingest..", "newslens.entities..", "newslens.cooccurrence..",
                        "newslens.topics..", "newslens.dashboard..")
                .check(MAIN);
    }
}
