# shellcheck shell=sh
# Sourced by ./sandiq and ./mvnw: exports JAVA_HOME pointing at a JDK >= 21 (Lucene 10 needs it).
# Order: $JAVA_HOME if it is new enough, else the newest JDK >= 21 found among the usual install
# places (many machines have an older default `java` and a newer JDK beside it). When none is
# found it prints one line saying so and exits 1.
sandiq_min_java=21

# Major version of the JDK at $1: from its `release` file (no JVM start), else from `java -version`.
sandiq_jdk_major() {
  [ -x "$1/bin/java" ] || return 1
  if [ -f "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
  fi
  if [ -z "${v:-}" ]; then
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  case "$v" in 1.*) v=${v#1.} ;; esac
  v=${v%%[.+-]*}
  case "$v" in ''|*[!0-9]*) return 1 ;; esac
  echo "$v"
}

sandiq_select_jdk() {
  if [ -n "${JAVA_HOME:-}" ]; then
    if m=$(sandiq_jdk_major "$JAVA_HOME") && [ "$m" -ge "$sandiq_min_java" ]; then
      SANDIQ_JAVA_MAJOR=$m
      return 0
    fi
  fi
  best= best_major=0
  path_java=$(command -v java 2>/dev/null || true)
  if [ -n "$path_java" ]; then
    path_home=$(dirname "$(dirname "$(readlink -f "$path_java")")")
  fi
  for home in ${path_home:-} /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* \
    "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$home" ] || continue
    m=$(sandiq_jdk_major "$home") || continue
    [ -x "$home/bin/javac" ] || continue
    if [ "$m" -ge "$sandiq_min_java" ] && [ "$m" -gt "$best_major" ]; then
      best=$home best_major=$m
    fi
  done
  if [ -z "$best" ]; then
    echo "sandiq: needs a JDK $sandiq_min_java or newer, and none was found (JAVA_HOME=${JAVA_HOME:-unset}; looked in /usr/lib/jvm and the usual places): install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME=$best SANDIQ_JAVA_MAJOR=$best_major
  export JAVA_HOME
}

sandiq_select_jdk
# Maven 3.9's Guice uses sun.misc.Unsafe, which JDK 24+ warns about on every build; allow it quietly.
if [ "$SANDIQ_JAVA_MAJOR" -ge 24 ]; then
  case "${MAVEN_OPTS:-}" in
    *sun-misc-unsafe-memory-access*) ;;
    *) MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;;
  esac
fi
