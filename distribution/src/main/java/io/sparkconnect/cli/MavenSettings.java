package io.sparkconnect.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;

/**
 * The user's Maven settings, read as Maven reads them: {@code ~/.m2/settings.xml} (or the file in {@code
 * SPARK_CONNECT_MAVEN_SETTINGS}) over the installation's {@code conf/settings.xml} ({@code MAVEN_HOME} or {@code
 * M2_HOME}), with {@code ${env.X}} and system properties interpolated.
 */
final class MavenSettings {
  private MavenSettings() {}

  static Settings read(Map<String, String> env) {
    DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
    String override = env.get("SPARK_CONNECT_MAVEN_SETTINGS");
    Path user = override != null && !override.isBlank() ? Paths.get(override)
        : Paths.get(System.getProperty("user.home"), ".m2", "settings.xml");
    request.setUserSettingsFile(user.toFile());
    for (String variable : new String[] {"MAVEN_HOME", "M2_HOME"}) {
      String mavenHome = env.get(variable);
      if (mavenHome != null && Files.isRegularFile(Paths.get(mavenHome, "conf", "settings.xml"))) {
        request.setGlobalSettingsFile(new File(mavenHome, "conf/settings.xml"));
        break;
      }
    }
    java.util.Properties system = new java.util.Properties();
    system.putAll(System.getProperties());
    env.forEach((key, value) -> system.setProperty("env." + key, value));
    request.setSystemProperties(system);
    try {
      return new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
    } catch (SettingsBuildingException e) {
      throw new IllegalArgumentException("Cannot read the Maven settings " + user + ": " + e.getMessage()
          + "; fix the file or point SPARK_CONNECT_MAVEN_SETTINGS at another one", e);
    }
  }
}
