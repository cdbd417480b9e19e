import java.nio.file.Path;
import zhibiao.AssessmentOptions;
import zhibiao.BulletinOptions;
import zhibiao.Fonts;
import zhibiao.Plan;
import zhibiao.Progress;
import zhibiao.Scoring;
import zhibiao.Standing;

/**
 * The progress cycle: June actuals evaluated indicator by indicator, the monitoring workbook,
 * the Q2 bulletin and the year-end assessment.
 *
 *   java -cp zhibiao-0.1.0.jar:/usr/share/java/jna.jar:. ProgressCycle [examples/data]
 */
public class ProgressCycle {
    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "examples/data");
        try (Fonts fonts = Fonts.defaults(); Plan plan = Plan.load(data.resolve("tonglu-2024.json"))) {
            plan.loadActuals(data.resolve("tonglu-2024-actuals.csv"));
            int behind = 0;
            for (Progress p : plan.evaluate("2024-06")) {
                if (p.standing() == Standing.BEHIND) {
                    behind++;
                    System.out.println(p.seq() + " " + p.name() + " " + p.status() + ": " + p.explain() + " — " + p.lead());
                }
            }
            System.out.println(behind + " indicators behind the schedule in June");
            plan.writeProgress(Path.of("tonglu-2024-06.xlsx"), "2024-06");
            System.out.println("bulletin: " + plan.writeBulletin(Path.of("tonglu-2024-q2.pdf"), "2024-06",
                    BulletinOptions.builder().fonts(fonts).build()));
            plan.writeAssessment(Path.of("tonglu-2024-assessment.xlsx"), "2024-12",
                    AssessmentOptions.builder().scoring(Scoring.PROPORTIONAL).cap(1.2).build());
        }
    }
}
