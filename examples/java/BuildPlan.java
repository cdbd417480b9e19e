import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import zhibiao.AttachmentKind;
import zhibiao.DateField;
import zhibiao.Finding;
import zhibiao.IndicatorDef;
import zhibiao.Meta;
import zhibiao.Plan;
import zhibiao.TaskDef;
import zhibiao.ZhibiaoException;

/**
 * A plan built in code, as an OA form would submit it: metadata, units, indicators and a
 * task; checked, saved as JSON and written as a target table. A draft with no title and no
 * issuing organ is refused by the notice writer, which names what is missing.
 *
 *   java -cp zhibiao-0.1.0.jar:/usr/share/java/jna.jar:. BuildPlan
 */
public class BuildPlan {
    public static void main(String[] args) {
        try (Plan plan = new Plan()) {
            plan.setMeta(Meta.TITLE, "示范县2025年制造业高质量发展工作要点");
            plan.setMeta(Meta.ORGAN, "示范县人民政府办公室");
            plan.setYear(2025);
            plan.setDate(DateField.ISSUED, LocalDate.of(2025, 2, 20));
            plan.addRecipient("各乡镇人民政府");
            plan.addUnit("县经信局", "示范县经济和信息化局");
            plan.addUnit("县发改局", "示范县发展和改革局");
            plan.addIndicator(IndicatorDef.builder("新增“小升规”企业(家)").category("牵引性指标").target("60以上")
                    .units("县经信局").build());
            plan.addIndicator(IndicatorDef.builder("规上工业增加值增速(%)").category("牵引性指标").target("7左右")
                    .units("县经信局", "县统计局").build());
            plan.addTask(TaskDef.builder("实施企业梯队培育").number("1").headings("二、重点任务").build());
            plan.addDuty(0, List.of("县经信局", "县发改局"), null, null);
            plan.addAttachment(1, AttachmentKind.TARGETS, "2025年目标体系表", null);
            for (Finding f : plan.validate())
                System.out.println(f);
            plan.save(Path.of("built-plan.json"));
            plan.writeTargetTable(Path.of("built-targets.xlsx"));
            System.out.println(plan + " saved to built-plan.json and built-targets.xlsx");
        }
        try (Plan draft = new Plan()) {
            draft.noticeBytes();   // NoticeOptions.builder().force(true).build() would write it anyway
            throw new IllegalStateException("a notice without a title or an organ was written");
        } catch (ZhibiaoException e) {
            System.out.println(e.code() + " " + e.getMessage());
            for (Finding f : e.report())
                System.out.println("  to fix: " + f.code());
        }
    }
}
