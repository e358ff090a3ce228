package newslens.tools.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap this JVM still uses after garbage collection: the largest heap left after any collection while
 * a step ran, and after a full collection forced at the step's end. Used heap sampled between collections
 * mostly counts garbage not yet collected, so it follows the heap's size rather than what the driver
 * holds; after a collection it shows what the driver keeps (a collect, a broadcast being built, listing
 * state). The figure is an upper bound: a young collection leaves old garbage in place. In local mode the
 * executors share this JVM, so it is the whole job's.
 */
final class DriverHeap implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private final NotificationListener onCollection = this::onCollection;
    private final List<NotificationEmitter> collectors = new ArrayList<>();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong intervalPeak = new AtomicLong();

    DriverHeap() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(onCollection, null, null);
                collectors.add(emitter);
            }
        }
    }

    void startInterval() {
        intervalPeak.set(0);
    }

    /** Collects fully, records what is left, and returns the peak since {@link #startInterval()}. */
    long endInterval() {
        System.gc();
        record(memory.getHeapMemoryUsage().getUsed());
        return intervalPeak.get();
    }

    long peakBytes() {
        return peak.get();
    }

    long maxBytes() {
        return memory.getHeapMemoryUsage().getMax();
    }

    private void onCollection(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData()).getGcInfo().getMemoryUsageAfterGc();
        record(after.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum());
    }

    private void record(long used) {
        peak.accumulateAndGet(used, Math::max);
        intervalPeak.accumulateAndGet(used, Math::max);
    }

    @Override
    public void close() {
        for (NotificationEmitter collector : collectors) {
            try {
                collector.removeNotificationListener(onCollection);
            } catch (ListenerNotFoundException alreadyGone) {
                // nothing left to remove
            }
        }
    }
}
