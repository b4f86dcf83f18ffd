package io.sparkconnect.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsBuilderFactory;
import org.apache.maven.settings.building.DefaultSettingsBuildingRequest;
import org.apache.maven.settings.building.SettingsBuildingException;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/**
 * The user's Maven settings, read as Maven reads them: {@code ~/.m2/settings.xml} (or the file in {@code
 * SPARK_CONNECT_MAVEN_SETTINGS}) over the installation's {@code conf/settings.xml} ({@code -Dmaven.home}, {@code
 * MAVEN_HOME} or {@code M2_HOME}), with {@code ${env.X}} and system properties interpolated, and passwords
 * encrypted with {@code mvn --encrypt-password} decrypted with {@code ~/.m2/settings-security.xml} (or {@code
 * -Dsettings.security}).
 */
final class MavenSettings {
  static final String SETTINGS_VARIABLE = "SPARK_CONNECT_MAVEN_SETTINGS";

  private MavenSettings() {}

  /** The settings of the user running the tool. */
  static Settings read(Map<String, String> env) {
    return read(env, Paths.get(System.getProperty("user.home")));
  }

  /**
   * The settings for a user whose home is {@code userHome}.
   *
   * @throws IllegalArgumentException naming the file and the problem when a file cannot be read or a password
   *     cannot be decrypted
   */
  static Settings read(Map<String, String> env, Path userHome) {
    DefaultSettingsBuildingRequest request = new DefaultSettingsBuildingRequest();
    String override = env.get(SETTINGS_VARIABLE);
    Path user = override != null && !override.isBlank() ? Paths.get(override)
        : userHome.resolve(".m2").resolve("settings.xml");
    request.setUserSettingsFile(user.toFile());
    Path global = globalSettings(env);
    if (global != null) {
      request.setGlobalSettingsFile(global.toFile());
    }
    Properties system = new Properties();
    system.putAll(System.getProperties());
    env.forEach((key, value) -> system.setProperty("env." + key, value));
    request.setSystemProperties(system);
    Settings settings;
    try {
      settings = new DefaultSettingsBuilderFactory().newInstance().build(request).getEffectiveSettings();
    } catch (SettingsBuildingException e) {
      throw new IllegalArgumentException("Cannot read the Maven settings " + user + ": " + e.getMessage()
          + "; fix the file or point " + SETTINGS_VARIABLE + " at another one", e);
    }
    return decrypted(settings, userHome);
  }

  private static Path globalSettings(Map<String, String> env) {
    List<String> homes = new ArrayList<>();
    homes.add(System.getProperty("maven.home"));
    homes.add(env.get("MAVEN_HOME"));
    homes.add(env.get("M2_HOME"));
    for (String home : homes) {
      if (home != null && !home.isBlank() && Files.isRegularFile(Paths.get(home, "conf", "settings.xml"))) {
        return Paths.get(home, "conf", "settings.xml");
      }
    }
    return null;
  }

  private static Settings decrypted(Settings settings, Path userHome) {
    String security = System.getProperty(DefaultSecDispatcher.SYSTEM_PROPERTY_SEC_LOCATION,
        userHome.resolve(".m2").resolve("settings-security.xml").toString());
    DefaultSecDispatcher dispatcher = new DefaultSecDispatcher(new DefaultPlexusCipher(), Map.of(), security);
    SettingsDecryptionResult result = new DefaultSettingsDecrypter(dispatcher)
        .decrypt(new DefaultSettingsDecryptionRequest(settings));
    for (SettingsProblem problem : result.getProblems()) {
      if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
        throw new IllegalArgumentException("Cannot decrypt a password in the Maven settings: "
            + problem.getMessage() + "; check " + security + " (the master password) or write the password "
            + "in plain text");
      }
    }
    Settings copy = settings.clone();
    copy.setServers(result.getServers());
    copy.setProxies(result.getProxies());
    return copy;
  }
}
