package newslens.tools.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The rows and bytes the tasks moved since the last {@link #startInterval()}, from the metrics Spark reports
 * with every finished task: records read from files or kept blocks, records and bytes written to files, bytes
 * written to shuffles. Tasks that failed are left out (a retry reports again).
 */
final class TaskTraffic extends SparkListener {

    private final AtomicLong inputRows = new AtomicLong();
    private final AtomicLong outputRows = new AtomicLong();
    private final AtomicLong outputBytes = new AtomicLong();
    private final AtomicLong shuffleBytes = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        TaskMetrics metrics = taskEnd.taskMetrics();
        if (metrics == null || !taskEnd.taskInfo().successful()) {
            return;
        }
        inputRows.addAndGet(metrics.inputMetrics().recordsRead());
        outputRows.addAndGet(metrics.outputMetrics().recordsWritten());
        outputBytes.addAndGet(metrics.outputMetrics().bytesWritten());
        shuffleBytes.addAndGet(metrics.shuffleWriteMetrics().bytesWritten());
    }

    void startInterval() {
        inputRows.set(0);
        outputRows.set(0);
        outputBytes.set(0);
        shuffleBytes.set(0);
    }

    /** What the tasks that ended since {@link #startInterval()} moved. */
    Report.Traffic interval() {
        return new Report.Traffic(inputRows.get(), outputRows.get(), outputBytes.get(), shuffleBytes.get());
    }
}
