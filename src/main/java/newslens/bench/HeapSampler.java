package newslens.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the used heap of this JVM every {@value #PERIOD_MILLIS} ms on a daemon thread and keeps the
 * peak, overall and since the last {@link #startInterval()}. In Spark local mode the executors run in the
 * driver JVM, so this is the whole job's heap; on a cluster it is the driver's only.
 */
final class HeapSampler implements AutoCloseable {

    static final long PERIOD_MILLIS = 200;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong intervalPeak = new AtomicLong();
    private final Thread thread;

    HeapSampler() {
        thread = new Thread(this::sampleUntilInterrupted, "newslens-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    long peakBytes() {
        sample();
        return peak.get();
    }

    long maxBytes() {
        return memory.getHeapMemoryUsage().getMax();
    }

    void startInterval() {
        intervalPeak.set(memory.getHeapMemoryUsage().getUsed());
    }

    long intervalPeakBytes() {
        sample();
        return intervalPeak.get();
    }

    private void sampleUntilInterrupted() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                sample();
                Thread.sleep(PERIOD_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sample() {
        long used = memory.getHeapMemoryUsage().getUsed();
        peak.accumulateAndGet(used, Math::max);
        intervalPeak.accumulateAndGet(used, Math::max);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
