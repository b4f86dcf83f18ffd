package io.sparkconnect.testkit.scenarios.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/** An optional Java Flight Recorder recording of a run, written to a file when it closes. */
public final class FlightRecording implements AutoCloseable {
  private final Recording recording;
  private final Path file;

  private FlightRecording(Recording recording, Path file) {
    this.recording = recording;
    this.file = file;
  }

  /** Starts recording with the JDK's "profile" settings, or does nothing when {@code file} is null. */
  public static FlightRecording start(Path file) {
    if (file == null) {
      return new FlightRecording(null, null);
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Recording recording = new Recording(Configuration.getConfiguration("profile"));
      recording.setName("spark-connect-scenarios");
      recording.start();
      return new FlightRecording(recording, file);
    } catch (IOException | java.text.ParseException e) {
      throw new IllegalStateException("Could not start a flight recording into " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (recording == null) {
      return;
    }
    try {
      recording.stop();
      recording.dump(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the flight recording to " + file, e);
    } finally {
      recording.close();
    }
  }
}
