package zhibiao;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/**
 * Threads, as the C library allows them: one plan and one Fonts shared by four threads
 * writing notices give four identical documents, the same as one thread; separate plans on
 * separate threads; closing a plan while others write waits for them.
 */
public class ThreadTest {
    private static final int THREADS = 4;

    private static <T> List<T> inThreads(Callable<T> work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++)
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures)
                results.add(f.get(300, TimeUnit.SECONDS));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void fourThreadsWriteIdenticalNoticesWithOneFonts() throws Exception {
        try (Plan plan = Plan.load(Support.data("tonglu-2024.json")); Fonts fonts = Fonts.defaults()) {
            NoticeOptions o = NoticeOptions.builder().fonts(fonts).build();
            byte[] alone = plan.noticeBytes(o);
            for (byte[] b : inThreads(() -> plan.noticeBytes(o)))
                assertArrayEquals(alone, b);
        }
    }

    @Test
    public void separatePlansOnSeparateThreads() throws Exception {
        byte[] alone;
        try (Plan plan = Plan.load(Support.data("wuyi-2022.json"))) {
            alone = plan.targetTableBytes();
        }
        for (byte[] b : inThreads(() -> {
            try (Plan mine = Plan.load(Support.data("wuyi-2022.json"))) {
                return mine.targetTableBytes();
            }
        }))
            assertArrayEquals(alone, b);
    }

    @Test
    public void changesWaitForReaders() throws Exception {
        try (Plan plan = Plan.load(Support.data("wuyi-2022.json"))) {
            int before = plan.indicators().size();
            List<Integer> counts = inThreads(() -> {
                plan.targetTableBytes();
                plan.addRecipient("各有关单位");
                return plan.recipients().size();
            });
            assertEquals(THREADS, counts.size());
            assertEquals(before, plan.indicators().size());
            assertTrue(plan.recipients().stream().filter("各有关单位"::equals).count() == THREADS);
        }
    }

    @Test
    public void closingWhileWritingNeverCrashes() throws Exception {
        Plan plan = Plan.load(Support.data("tonglu-2024.json"));
        List<String> outcomes = inThreads(() -> {
            try {
                return plan.breakdownBytes().length > 0 ? "written" : "empty";
            } catch (ZhibiaoException e) {
                return e.getMessage();
            } finally {
                plan.close();
            }
        });
        for (String s : outcomes)
            assertTrue(s, s.equals("written") || s.equals("the plan is closed"));
        assertTrue(plan.isClosed());
    }
}
