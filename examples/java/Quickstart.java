import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import zhibiao.Fonts;
import zhibiao.Indicator;
import zhibiao.NoticeOptions;
import zhibiao.Plan;
import zhibiao.TableOptions;
import zhibiao.ZhibiaoException;

/**
 * What an OA back end does with zhibiao: load a plan, read its indicators, write the target
 * table and the notice to bytes (for a response) and to files, report a broken upload with
 * its place, and serve several requests at once with one set of fonts.
 *
 *   java -cp zhibiao-0.1.0.jar:/usr/share/java/jna.jar:. Quickstart [examples/data]
 */
public class Quickstart {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "examples/data");
        try (Fonts fonts = Fonts.defaults(); Plan plan = Plan.load(data.resolve("tonglu-2024.json"))) {
            List<Indicator> indicators = plan.indicators();
            System.out.println(plan.title() + ": " + indicators.size() + " indicators");
            for (Indicator i : indicators.subList(0, 3))
                System.out.println("  " + i.seq() + " " + i.name() + " " + i.targetText() + " " + i.lead());

            TableOptions table = TableOptions.builder().label("附件2").build();
            NoticeOptions notice = NoticeOptions.builder().fonts(fonts).build();
            byte[] xlsx = plan.targetTableBytes(table);
            byte[] pdf = plan.noticeBytes(notice);
            plan.writeTargetTable(Path.of("tonglu-targets.xlsx"), table);
            System.out.println("notice: " + plan.writeNotice(Path.of("tonglu-notice.pdf"), notice));
            check(Arrays.equals(xlsx, Files.readAllBytes(Path.of("tonglu-targets.xlsx"))), "table bytes = file");
            check(Arrays.equals(pdf, Files.readAllBytes(Path.of("tonglu-notice.pdf"))), "notice bytes = file");

            try (Plan broken = Plan.fromJson("{\n  \"format\": \"zhibiao/1\",\n  \"year\": \"2024\"\n}", "broken.json")) {
                throw new AssertionError("loaded " + broken);
            } catch (ZhibiaoException e) {
                System.out.println(e.code() + " " + e.getMessage());
                check(e.getMessage().equals("broken.json:3:11: year: expected an integer, got a string"), "located");
            }

            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<byte[]>> requests = new ArrayList<>();
            for (int i = 0; i < 4; i++)
                requests.add(pool.submit(() -> plan.noticeBytes(notice)));
            for (Future<byte[]> r : requests)
                check(Arrays.equals(pdf, r.get()), "4 threads, identical notices");
            pool.shutdown();
            System.out.println("4 threads wrote identical notices of " + pdf.length + " bytes");
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok)
            throw new AssertionError(what);
    }
}
