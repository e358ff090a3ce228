package newslens.pipeline;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A line every {@code intervalSeconds} while a stage runs: what it does (the Spark job description), tasks
 * done, input records and bytes read so far, the rate, and the time elapsed. Spark's own progress bar
 * and INFO logs stay out of the console (see log4j2.properties); this is the part a person follows.
 */
final class ProgressReporter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

    private final SparkContext context;
    private final String stage;
    private final long startNanos = System.nanoTime();
    private final AtomicLong tasksStarted = new AtomicLong();
    private final AtomicLong tasksDone = new AtomicLong();
    private final AtomicLong recordsRead = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicReference<String> doing = new AtomicReference<>("starting");
    private final SparkListener listener = new SparkListener() {
        @Override
        public void onJobStart(SparkListenerJobStart jobStart) {
            String description = jobStart.properties() == null ? null
                    : jobStart.properties().getProperty("spark.job.description");
            if (description != null) {
                doing.set(description);
            }
        }

        @Override
        public void onTaskStart(SparkListenerTaskStart taskStart) {
            tasksStarted.incrementAndGet();
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
            tasksDone.incrementAndGet();
            if (taskEnd.taskMetrics() != null) {
                recordsRead.addAndGet(taskEnd.taskMetrics().inputMetrics().recordsRead());
                bytesRead.addAndGet(taskEnd.taskMetrics().inputMetrics().bytesRead());
            }
        }
    };
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "newslens-progress");
        thread.setDaemon(true);
        return thread;
    });

    ProgressReporter(SparkContext context, String stage, long intervalSeconds) {
        this.context = context;
        this.stage = stage;
        context.addSparkListener(listener);
        timer.scheduleAtFixedRate(this::report, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    private void report() {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        String what = doing.get().startsWith(stage + ":") ? doing.get() : stage + ": " + doing.get();
        LOG.info("{} | tasks {} done of {} started | read {} records, {} MB ({} MB/s) | {} elapsed", what,
                tasksDone.get(), tasksStarted.get(), recordsRead.get(),
                String.format("%.1f", bytesRead.get() / 1e6), String.format("%.1f", bytesRead.get() / 1e6 / elapsed),
                String.format("%d:%02d", (long) elapsed / 60, (long) elapsed % 60));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        context.removeSparkListener(listener);
    }
}
