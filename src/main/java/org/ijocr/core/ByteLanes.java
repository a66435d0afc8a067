package org.ijocr.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight 8-bit pixels in one {@code long} ("SIMD within a register"): the word reads and the exact byte-wise tests that
 * the fast paths of the core share. The word read at index {@code i} holds pixel {@code i + k} in its byte {@code k}
 * (little-endian). A test gives the high bit ({@code 0x80}) of each byte for which it holds; no carry or borrow
 * crosses a byte (H. S. Warren, <i>Hacker's Delight</i>, 2nd ed., 2012, ch. 6; S. E. Anderson, "Bit Twiddling
 * Hacks").
 */
public final class ByteLanes {

	/** The high bit of every byte. */
	public static final long HIGH = 0x8080808080808080L;

	/** The low seven bits of every byte. */
	public static final long LOW = 0x7F7F7F7F7F7F7F7FL;

	/** 1 in every byte: {@code v * ONES} repeats byte value v. */
	public static final long ONES = 0x0101010101010101L;

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
		ByteOrder.LITTLE_ENDIAN);

	private ByteLanes() {}

	/** The eight bytes {@code a[i..i+7]} as one word. */
	public static long get(final byte[] a, final int i) {
		return (long) LONGS.get(a, i);
	}

	/** Writes the word's eight bytes to {@code a[i..i+7]}. */
	public static void set(final byte[] a, final int i, final long v) {
		LONGS.set(a, i, v);
	}

	/** The high bit of each byte of {@code v} that is 0. */
	public static long zeroBytes(final long v) {
		return ~(((v & LOW) + LOW) | v) & HIGH;
	}

	/**
	 * The high bit of each byte of {@code p} that is below (unsigned) the same byte of {@code q}: decided by the high
	 * bits where they differ, else by the low seven bits, subtracted with the high bit set so that no borrow crosses
	 * a byte.
	 */
	public static long below(final long p, final long q) {
		final long z = (p | HIGH) - (q & LOW);
		return (~p & q | ~(p ^ q) & ~z) & HIGH;
	}
}
