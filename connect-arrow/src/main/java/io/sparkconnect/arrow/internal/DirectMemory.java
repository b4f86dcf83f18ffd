package io.sparkconnect.arrow.internal;

import java.lang.reflect.Field;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import sun.misc.Unsafe;

/**
 * The native address of a direct buffer, so Arrow can read the bytes in place. Arrow's own {@code MemoryUtil} makes
 * {@code Buffer.address} accessible first, which Java 17 refuses without {@code --add-opens}; reading the field at
 * its offset needs no access check. Where even that is impossible, {@link #available()} is false and bytes are
 * copied. {@link ArrowArrays} copies Arrow memory into Java arrays through the same {@code Unsafe}.
 */
public final class DirectMemory {
  private static final Unsafe UNSAFE;
  private static final long ADDRESS_OFFSET;

  static {
    Unsafe unsafe = null;
    long offset = -1;
    try {
      Field field = Unsafe.class.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      unsafe = (Unsafe) field.get(null);
      offset = unsafe.objectFieldOffset(Buffer.class.getDeclaredField("address"));
      ByteBuffer probe = ByteBuffer.allocateDirect(8);
      probe.put(0, (byte) 42);
      if (unsafe.getByte(unsafe.getLong(probe, offset)) != 42) {
        offset = -1;
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      offset = -1;
    }
    UNSAFE = unsafe;
    ADDRESS_OFFSET = offset;
  }

  private DirectMemory() {}

  /** The JDK's {@code Unsafe}, or null where it cannot be had. */
  static Unsafe unsafe() {
    return UNSAFE;
  }

  /** Whether direct buffers' addresses can be read on this JVM. */
  public static boolean available() {
    return ADDRESS_OFFSET >= 0;
  }

  /** The address of {@code buffer}'s first remaining byte; it must be direct and {@link #available()} true. */
  public static long address(ByteBuffer buffer) {
    if (!buffer.isDirect() || !available()) {
      throw new IllegalArgumentException("Not a direct buffer whose address can be read: " + buffer);
    }
    return UNSAFE.getLong(buffer, ADDRESS_OFFSET) + buffer.position();
  }
}
