package org.ijocr.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Lanes#inOrder}: several slices in work at once, never more than the lanes, handed on in slice order on the
 * calling thread; a failure stops the rest and leaves nothing running.
 */
class LanesTest {

	@AfterEach
	void ijSetting() {
		Lanes.limit(0);
	}

	/** Work of uneven length (later slices often faster), noting how many slices are in work at once. */
	private static final class Work {

		final AtomicInteger now = new AtomicInteger(), most = new AtomicInteger(), started = new AtomicInteger();

		int read(final int s) {
			started.incrementAndGet();
			most.accumulateAndGet(now.incrementAndGet(), Math::max);
			try {
				Thread.sleep(5 + (s * 37) % 23);
			}
			catch (final InterruptedException e) {
				throw new IllegalStateException(e);
			}
			finally {
				now.decrementAndGet();
			}
			return s * s;
		}
	}

	@Test
	void slicesAreReadSeveralAtOnceAndHandedOnInOrderOnTheCallingThread() {
		Lanes.limit(3);
		final Work w = new Work();
		final List<Integer> handed = new ArrayList<>();
		final Thread caller = Thread.currentThread();
		final AtomicReference<Thread> other = new AtomicReference<>();
		Lanes.inOrder(40, false, 0, w::read, (r, s) -> {
			if (Thread.currentThread() != caller) other.set(Thread.currentThread());
			assertEquals(s * s, r.intValue());
			handed.add(s);
		}, e -> {});
		final List<Integer> expected = new ArrayList<>();
		for (int s = 1; s <= 40; s++)
			expected.add(s);
		assertEquals(expected, handed);
		assertEquals(null, other.get(), "handed on on the calling thread");
		assertEquals(3, w.most.get(), "at most the lanes, and all of them used");
		assertEquals(0, w.now.get());
	}

	@Test
	void oneLaneReadsOneSliceAtATime() {
		Lanes.limit(1);
		final Work w = new Work();
		final AtomicInteger n = new AtomicInteger();
		Lanes.inOrder(10, false, 0, w::read, (r, s) -> assertEquals(n.incrementAndGet(), s), e -> {});
		assertEquals(1, w.most.get());
		assertEquals(10, n.get());
	}

	@Test
	void theFirstSliceAloneWhenLaterOnesDependOnIt() {
		Lanes.limit(4);
		final AtomicInteger firstHanded = new AtomicInteger();
		final List<Integer> sawFirst = new ArrayList<>();
		final Work w = new Work();
		Lanes.inOrder(8, true, 0, s -> {
			synchronized (sawFirst) {
				sawFirst.add(firstHanded.get());
			}
			return w.read(s);
		}, (r, s) -> {
			if (s == 1) firstHanded.set(1);
		}, e -> {});
		assertEquals(0, sawFirst.get(0).intValue());
		for (int i = 1; i < sawFirst.size(); i++)
			assertEquals(1, sawFirst.get(i).intValue(), "slice read before slice 1 was handed on");
		assertTrue(w.most.get() > 1, "the later slices together");
	}

	@Test
	void theLanesAreSharedByImagesReadAtOnce() throws Exception {
		Lanes.limit(2);
		final Work w = new Work();
		final Thread other = new Thread(() -> Lanes.inOrder(20, false, 0, w::read, (r, s) -> {}, e -> {}));
		other.start();
		Lanes.inOrder(20, false, 0, w::read, (r, s) -> {}, e -> {});
		other.join();
		assertEquals(2, w.most.get());
		assertEquals(40, w.started.get());
	}

	@Test
	void aFailureStopsTheRestWaitsForTheSlicesInWorkAndIsThrown() {
		Lanes.limit(3);
		final Work w = new Work();
		final List<Integer> handed = new ArrayList<>();
		final AtomicReference<Throwable> told = new AtomicReference<>();
		final IllegalArgumentException boom = new IllegalArgumentException("page 5 is bad");
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lanes.inOrder(100,
			false, 0, s -> {
				if (s == 5 || s == 7) throw s == 5 ? boom : new IllegalArgumentException("later");
				return w.read(s);
			}, (r, s) -> handed.add(s), told::set));
		assertSame(boom, e, "the first failure in slice order");
		assertSame(boom, told.get());
		assertEquals(List.of(1, 2, 3, 4), handed);
		assertEquals(0, w.now.get(), "nothing left running");
		assertTrue(w.started.get() <= 5 + 2 * 3, "no slice started long after the failure: " + w.started.get());
		// the lanes were all given back
		final Work again = new Work();
		Lanes.inOrder(9, false, 0, again::read, (r, s) -> {}, x -> {});
		assertEquals(3, again.most.get());
	}

	@Test
	void aFailureToHandOnStopsTheReading() {
		Lanes.limit(2);
		final Work w = new Work();
		assertThrows(IllegalStateException.class, () -> Lanes.inOrder(50, false, 0, w::read, (r, s) -> {
			if (s == 3) throw new IllegalStateException("disk full");
		}, x -> {}));
		assertEquals(0, w.now.get());
		assertTrue(w.started.get() < 50);
	}

	@Test
	void aBigSliceOnASmallHeapIsReadAlone() {
		Lanes.limit(4);
		final Work w = new Work();
		Lanes.inOrder(6, false, Runtime.getRuntime().maxMemory(), w::read, (r, s) -> {}, e -> {});
		assertEquals(1, w.most.get());
	}
}
