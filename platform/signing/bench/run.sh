#!/bin/sh
# Throughput of platform/signing on one thread: builds the module (and what it needs) offline, compiles the
# benchmark against its test classpath and runs it. Arguments go to SignVerifyBench: [RSA_2048|EC_P256] [warm-up s] [measured s].
set -e
cd "$(dirname "$0")/../../.."
./mvnw -B -o -q install -pl platform/signing -am -DskipTests
./mvnw -B -o -q test-compile -pl platform/signing
./mvnw -B -o -q dependency:build-classpath -pl platform/signing -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
module=platform/signing
cp="$module/target/classes:$module/target/test-classes:$(cat $module/target/bench.classpath)"
mkdir -p "$module/target/bench"
javac -d "$module/target/bench" -cp "$cp" "$module/bench/SignVerifyBench.java"
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$module/target/bench:$cp" vn.egov.platform.signing.SignVerifyBench "$@"
