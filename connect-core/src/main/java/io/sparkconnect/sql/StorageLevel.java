package io.sparkconnect.sql;

/** Where cached data is kept: memory, disk or off-heap, serialized or not, and how many replicas. Immutable. */
public final class StorageLevel {
  public static final StorageLevel NONE = new StorageLevel(false, false, false, false, 1);
  public static final StorageLevel DISK_ONLY = new StorageLevel(true, false, false, false, 1);
  public static final StorageLevel MEMORY_ONLY = new StorageLevel(false, true, false, true, 1);
  public static final StorageLevel MEMORY_ONLY_SER = new StorageLevel(false, true, false, false, 1);
  public static final StorageLevel MEMORY_AND_DISK = new StorageLevel(true, true, false, true, 1);
  public static final StorageLevel MEMORY_AND_DISK_SER = new StorageLevel(true, true, false, false, 1);
  public static final StorageLevel OFF_HEAP = new StorageLevel(true, true, true, false, 1);

  private final boolean useDisk;
  private final boolean useMemory;
  private final boolean useOffHeap;
  private final boolean deserialized;
  private final int replication;

  public StorageLevel(boolean useDisk, boolean useMemory, boolean useOffHeap, boolean deserialized,
      int replication) {
    if (replication < 1) {
      throw new IllegalArgumentException("replication must be at least 1, got " + replication);
    }
    this.useDisk = useDisk;
    this.useMemory = useMemory;
    this.useOffHeap = useOffHeap;
    this.deserialized = deserialized;
    this.replication = replication;
  }

  io.sparkconnect.proto.StorageLevel toProto() {
    return io.sparkconnect.proto.StorageLevel.newBuilder().setUseDisk(useDisk).setUseMemory(useMemory)
        .setUseOffHeap(useOffHeap).setDeserialized(deserialized).setReplication(replication).build();
  }

  static StorageLevel fromProto(io.sparkconnect.proto.StorageLevel level) {
    return new StorageLevel(level.getUseDisk(), level.getUseMemory(), level.getUseOffHeap(),
        level.getDeserialized(), Math.max(1, level.getReplication()));
  }

  public boolean useDisk() {
    return useDisk;
  }

  public boolean useMemory() {
    return useMemory;
  }

  public boolean useOffHeap() {
    return useOffHeap;
  }

  public boolean deserialized() {
    return deserialized;
  }

  public int replication() {
    return replication;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof StorageLevel)) {
      return false;
    }
    StorageLevel that = (StorageLevel) other;
    return useDisk == that.useDisk && useMemory == that.useMemory && useOffHeap == that.useOffHeap
        && deserialized == that.deserialized && replication == that.replication;
  }

  @Override
  public int hashCode() {
    return (useDisk ? 1 : 0) + (useMemory ? 2 : 0) + (useOffHeap ? 4 : 0) + (deserialized ? 8 : 0)
        + replication * 16;
  }

  @Override
  public String toString() {
    return "StorageLevel(disk=" + useDisk + ", memory=" + useMemory + ", offHeap=" + useOffHeap
        + ", deserialized=" + deserialized + ", replication=" + replication + ")";
  }
}
