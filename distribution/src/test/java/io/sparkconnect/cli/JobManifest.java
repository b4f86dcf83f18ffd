package io.sparkconnect.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** A Kubernetes Job of {@code docs/kubernetes}, read with SnakeYAML, and the parts of it the tests check. */
final class JobManifest {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  final Path file;
  final Map<String, Object> job;

  private JobManifest(Path file, Map<String, Object> job) {
    this.file = file;
    this.job = job;
  }

  /** The source tree's {@code docs/kubernetes}. */
  static Path directory() {
    return Paths.get(System.getProperty("basedir", ".")).toAbsolutePath().getParent().resolve("docs/kubernetes");
  }

  /** Every Job in every YAML file of {@code docs/kubernetes}. */
  static List<JobManifest> all() throws IOException {
    List<JobManifest> jobs = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
            Map<String, Object> map = map(document, file + ": a document");
            if ("Job".equals(map.get("kind"))) {
              jobs.add(new JobManifest(file, map));
            }
          }
        }
      }
    }
    return jobs;
  }

  /** The Job named so, from {@code docs/kubernetes}. */
  static JobManifest named(String name) throws IOException {
    return all().stream().filter(j -> name.equals(j.name())).findFirst()
        .orElseThrow(() -> new AssertionError("no Job " + name + " in " + directory()));
  }

  String name() {
    return (String) map(job.get("metadata"), "metadata").get("name");
  }

  Map<String, Object> spec() {
    return map(job.get("spec"), "spec");
  }

  Map<String, Object> podSpec() {
    return map(map(spec().get("template"), "template").get("spec"), "template.spec");
  }

  /** The pod's only container. */
  Map<String, Object> container() {
    List<Object> containers = list(podSpec().get("containers"), "containers");
    if (containers.size() != 1) {
      throw new AssertionError(file + ": expected one container, found " + containers.size());
    }
    return map(containers.get(0), "container");
  }

  List<String> command() {
    return strings(container().get("command"), "command");
  }

  List<String> args() {
    return strings(container().get("args"), "args");
  }

  /** The container's environment: literal values, and {@code secretKeyRef}s and {@code fieldRef}s as given. */
  Map<String, String> environment(Map<String, String> fromReferences) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Object entry : list(container().get("env"), "env")) {
      Map<String, Object> variable = map(entry, "env entry");
      String name = (String) variable.get("name");
      if (variable.containsKey("value")) {
        env.put(name, String.valueOf(variable.get("value")));
      } else if (fromReferences.containsKey(name)) {
        env.put(name, fromReferences.get(name));
      } else {
        throw new AssertionError(file + ": no value given for the referenced variable " + name);
      }
    }
    return env;
  }

  /** The args as the kubelet passes them: each {@code $(NAME)} replaced by the variable's value. */
  List<String> expandedArgs(Map<String, String> env) {
    List<String> expanded = new ArrayList<>();
    for (String arg : args()) {
      Matcher matcher = REFERENCE.matcher(arg);
      StringBuilder out = new StringBuilder();
      while (matcher.find()) {
        String value = env.get(matcher.group(1));
        if (value == null) {
          throw new AssertionError(file + ": $(" + matcher.group(1) + ") names no variable of the container");
        }
        matcher.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      matcher.appendTail(out);
      expanded.add(out.toString());
    }
    return expanded;
  }

  /** The volume mounted at this path in the container, as declared in the pod's volumes. */
  Map<String, Object> volumeAt(String mountPath) {
    for (Object mount : list(container().get("volumeMounts"), "volumeMounts")) {
      Map<String, Object> m = map(mount, "volumeMount");
      if (mountPath.equals(m.get("mountPath"))) {
        for (Object volume : list(podSpec().get("volumes"), "volumes")) {
          Map<String, Object> v = map(volume, "volume");
          if (m.get("name").equals(v.get("name"))) {
            return v;
          }
        }
        throw new AssertionError(file + ": the mount at " + mountPath + " names no volume");
      }
    }
    throw new AssertionError(file + ": nothing is mounted at " + mountPath);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value, String what) {
    if (!(value instanceof Map)) {
      throw new AssertionError(what + " is not a mapping: " + value);
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value, String what) {
    if (!(value instanceof List)) {
      throw new AssertionError(what + " is not a list: " + value);
    }
    return (List<Object>) value;
  }

  private List<String> strings(Object value, String what) {
    List<String> strings = new ArrayList<>();
    for (Object item : list(value, file + ": " + what)) {
      strings.add(String.valueOf(item));
    }
    return strings;
  }

  @Override
  public String toString() {
    return file.getFileName() + " (" + name() + ")";
  }
}
