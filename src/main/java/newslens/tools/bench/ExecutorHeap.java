package newslens.tools.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.executor.ExecutorMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Peak used heap of the executors, from the metric peaks Spark reports with every finished task
 * ({@code JVMHeapMemory}, polled every {@code spark.executor.metrics.pollingInterval}), overall and since
 * the last {@link #startInterval()}. Tasks of executor {@code driver} (local mode: the executors are the
 * driver JVM) are left out, so in local mode it stays 0 and {@link DriverHeap} has the whole job.
 */
final class ExecutorHeap extends SparkListener {

    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong intervalPeak = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        ExecutorMetrics metrics = taskEnd.taskExecutorMetrics();
        if (metrics == null || "driver".equals(taskEnd.taskInfo().executorId())) {
            return;
        }
        long heap = metrics.getMetricValue("JVMHeapMemory");
        peak.accumulateAndGet(heap, Math::max);
        intervalPeak.accumulateAndGet(heap, Math::max);
    }

    void startInterval() {
        intervalPeak.set(0);
    }

    long intervalPeakBytes() {
        return intervalPeak.get();
    }

    long peakBytes() {
        return peak.get();
    }
}
