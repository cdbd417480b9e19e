package zhibiao;

import com.sun.jna.PointerType;
import java.lang.ref.Cleaner;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A C handle shared by threads, under the C library's rule: many readers at once, a change
 * alone. Readers (writers of documents, getters) take the read lock, changes (loaders,
 * setters) and close() the write lock; the lock is fair, so a waiting change is served
 * before new readers. A closed handle raises {@link ZhibiaoException} instead of touching
 * freed memory; one that is never closed is freed when it becomes unreachable.
 */
final class Handle<P extends PointerType> {
    private static final Cleaner CLEANER = Cleaner.create();

    /** Frees the pointer once, whether close() or the cleaner comes first. */
    private static final class Owner<P extends PointerType> implements Runnable {
        private P ptr;
        private final Consumer<P> free;

        Owner(P ptr, Consumer<P> free) {
            this.ptr = ptr;
            this.free = free;
        }

        @Override
        public synchronized void run() {
            if (ptr != null) {
                free.accept(ptr);
                ptr = null;
            }
        }
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final String what;
    private final Cleaner.Cleanable cleanable;
    private P ptr;

    Handle(Object object, P ptr, Consumer<P> free, String what) {
        if (ptr == null)
            throw new OutOfMemoryError("libzhibiao could not make a " + what);
        this.ptr = ptr;
        this.what = what;
        this.cleanable = CLEANER.register(object, new Owner<>(ptr, free));
    }

    private P open() {
        if (ptr == null)
            throw new ZhibiaoException(Status.ARGUMENT, "the " + what + " is closed");
        return ptr;
    }

    /** f(ptr) alongside other readers. */
    <R> R read(Function<P, R> f) {
        lock.readLock().lock();
        try {
            return f.apply(open());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** f(ptr) as the only caller. */
    <R> R change(Function<P, R> f) {
        lock.writeLock().lock();
        try {
            return f.apply(open());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The read lock held, for a call that reads two handles (a plan and its fonts). */
    P acquireRead() {
        lock.readLock().lock();
        try {
            return open();
        } catch (RuntimeException e) {
            lock.readLock().unlock();
            throw e;
        }
    }

    void releaseRead() {
        lock.readLock().unlock();
    }

    boolean isClosed() {
        lock.readLock().lock();
        try {
            return ptr == null;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Waits for the calls under way, then frees the C object. A second call does nothing. */
    void close() {
        lock.writeLock().lock();
        try {
            if (ptr == null)
                return;
            ptr = null;
            cleanable.clean();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
