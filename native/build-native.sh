#!/usr/bin/env bash
# Finishes the native executable on a machine that has GraalVM or Mandrel 25 (native-image on the
# PATH or in $GRAALVM_HOME/bin), then runs the integration tests against it, unchanged.
#   native/build-native.sh            build, compile, test
#   SKIP_TESTS=1 native/build-native.sh
# The sources it compiles are the ones CI checks on every run: native/target/native-sources/.
# Without native-image but with a container engine, use instead:
#   mvn -B package -DskipTests -Dnative -Dquarkus.native.container-build=true
set -euo pipefail
cd "$(dirname "$0")/.."

NATIVE_IMAGE="$(command -v native-image || true)"
[ -z "$NATIVE_IMAGE" ] && [ -n "${GRAALVM_HOME:-}" ] && NATIVE_IMAGE="$GRAALVM_HOME/bin/native-image"
[ -x "${NATIVE_IMAGE:-}" ] || { echo "native-image not found: install Mandrel or GraalVM 25, or set GRAALVM_HOME" >&2; exit 2; }

# 1. The build-time augmentation for native: runner jar, libraries and native-image.args.
mvn -B install -DskipTests
SOURCES=native/target/native-sources
[ -f "$SOURCES/native-image.args" ] || { echo "no $SOURCES/native-image.args" >&2; exit 1; }

# 2. The compile itself, as Quarkus would run it, from the sources directory.
(cd "$SOURCES" && "$NATIVE_IMAGE" $(cat native-image.args))
RUNNER="$(ls "$SOURCES"/*-runner | head -1)"
cp "$RUNNER" native/target/
RUNNER="native/target/$(basename "$RUNNER")"
echo "native executable: $RUNNER"

# 3. The integration tests against the executable: @QuarkusIntegrationTest reads the artifact from
#    quarkus-artifact.properties; the platform's own process tests read native.image.path.
if [ "${SKIP_TESTS:-0}" != 1 ]; then
  cat > native/target/quarkus-artifact.properties <<PROPS
path=$(basename "$RUNNER")
type=native
PROPS
  mvn -B -pl native failsafe:integration-test failsafe:verify \
    -Dnative.image.path="$(pwd)/$RUNNER" -Dquarkus.native.enabled=true
fi
