#!/usr/bin/env bash
# Tests shuangsui's Java binding end to end, as a platform uses it:
#
#   bindings/java/test.sh [--bin PATH]
#
# builds the native library, shuangsui.jar and the CLI (build.sh --with-cli: one compile of the
# library for both, reusing a release build already in the target directory), makes inputs
# with `shuangsui demo`, draws with the CLI and from Java for the same inputs and seed and
# compares the record bytes (cmp), has the CLI verify the record Java drew, runs the Java test
# program (test/: verify, mismatches, errors with kind and location, GBK bytes, the other
# operations, threads; under -Xcheck:jni), and compiles and runs the example against the jar.
# --bin PATH compares with another CLI than the one built here.
# Needs cargo and a JDK (JAVA_HOME's when set), nothing downloaded. Honours CARGO_TARGET_DIR.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=""
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin=$2; shift 2 ;;
    --bin=*) bin=${1#--bin=}; shift ;;
    *) echo "usage: $0 [--bin PATH]" >&2; exit 2 ;;
  esac
done

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
  export PATH="$JAVA_HOME/bin:$PATH"
fi
case "$(uname -s)" in
  Darwin) library=libshuangsui_jni.dylib ;;
  *) library=libshuangsui_jni.so ;;
esac

started=$(date +%s)
step() { printf '\n--- [java, %ds] %s\n' "$(($(date +%s) - started))" "$*"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out="$work/out"
jar="$out/shuangsui.jar"
javac_flags=(--release 8 -encoding UTF-8 -Xlint:all,-options -Werror)

step "build.sh --with-cli: the native library, shuangsui.jar and the CLI ($(javac -version 2>&1))"
JAVACFLAGS=-Werror "$here/build.sh" --with-cli "$out"
# Java 8 class files (major version 52), and the library inside the jar.
javap -v -cp "$jar" shuangsui.Shuangsui | grep -q 'major version: 52'
jar tf "$jar" | grep -q "^shuangsui/native/.*/$library\$"
bin=${bin:-$out/shuangsui}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
"$bin" --version

step "inputs: shuangsui demo (10,000 targets, 60 officers)"
"$bin" demo --out "$work/demo" >/dev/null
demo="$work/demo"
inputs=(--plan "$demo/plan.toml" --targets "$demo/targets.csv" --officers "$demo/officers.csv")
# A seed beyond the Basic Multilingual Plane too: a surrogate pair in Java, modified UTF-8 in JNI.
seed='2027-01-15 公开摇号 𠀀'

step "the CLI draws"
"$bin" draw "${inputs[@]}" --seed "$seed" --out "$work/cli.json" >/dev/null

step "the test program, under -Xcheck:jni"
mkdir -p "$work/java" "$work/test"
javac "${javac_flags[@]}" -cp "$jar" -d "$work/test" "$here/test/ShuangsuiTest.java"
set +e
java -Xcheck:jni -cp "$jar:$work/test" ShuangsuiTest "$demo" "$seed" "$work/java" \
  2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "the Java tests failed (exit $status)" >&2
  exit 1
fi
if grep -E -q '^WARNING|WARNING in native method' "$work/test.log"; then
  echo "-Xcheck:jni found a misuse of JNI (above)" >&2
  exit 1
fi

step "Java drew the CLI's bytes, and the CLI verifies them"
cmp "$work/cli.json" "$work/java/record.json"
"$bin" verify "$work/java/record.json" "${inputs[@]}" >/dev/null
"$bin" draw --plan "$demo/plan.toml" --targets "$work/java/targets-gbk.csv" \
  --officers "$demo/officers.csv" --seed "$seed" --out "$work/cli-gbk.json" >/dev/null
cmp "$work/cli-gbk.json" "$work/java/record-gbk.json"
"$bin" draw --plan "$demo/plan.toml" --targets "$work/java/targets.xlsx" \
  --officers "$demo/officers.csv" --seed "$seed" --out "$work/cli-xlsx.json" >/dev/null
cmp "$work/cli-xlsx.json" "$work/java/record-xlsx.json"
echo "same bytes: $(wc -c <"$work/cli.json") (UTF-8 texts), $(wc -c <"$work/cli-gbk.json") (GBK bytes), $(wc -c <"$work/cli-xlsx.json") (xlsx bytes)"

step "the example, compiled against the jar, the library named by shuangsui.library.path"
mkdir -p "$work/example"
javac "${javac_flags[@]}" -cp "$jar" -d "$work/example" "$here/example/Example.java"
java -Dshuangsui.library.path="$out/$library" -cp "$jar:$work/example" Example \
  "$demo/plan.toml" "$demo/targets.csv" "$demo/officers.csv" "$seed" "$work/example.json"
cmp "$work/cli.json" "$work/example.json"
set +e
printf '[plan\n' >"$work/broken.toml"
java -cp "$jar:$work/example" Example "$work/broken.toml" "$demo/targets.csv" \
  "$demo/officers.csv" "$seed" "$work/broken.json"
status=$?
set -e
if [ "$status" -ne 2 ]; then
  echo "the example exits $status on a broken plan, not 2" >&2
  exit 1
fi

step "the README's Java example, compiled against the jar and run in a directory of the demo's files"
mkdir -p "$work/readme"
awk '/<!-- java-example/{found=1} found && /^```java$/{code=1; next} code && /^```$/{exit} code' \
  "$here/../../README.md" >"$work/readme/DrawExample.java"
cp "$demo/plan.toml" "$demo/targets.csv" "$demo/officers.csv" "$work/readme/"
javac "${javac_flags[@]}" -cp "$jar" -d "$work/readme" "$work/readme/DrawExample.java"
(cd "$work/readme" && java -cp "$jar:." DrawExample | grep -q '核验通过')
"$bin" draw "${inputs[@]}" --seed '2027-01-15 公开摇号' --out "$work/readme-cli.json" >/dev/null
cmp "$work/readme-cli.json" "$work/readme/record.json"

step "a jar without the library loads it from java.library.path"
mkdir -p "$work/bare"
(cd "$work/bare" && jar xf "$jar" && rm -r shuangsui/native && jar cf ../bare.jar .)
java -Djava.library.path="$out" -cp "$work/bare.jar:$work/example" Example \
  "$demo/plan.toml" "$demo/targets.csv" "$demo/officers.csv" "$seed" "$work/bare.json" >/dev/null
cmp "$work/cli.json" "$work/bare.json"
set +e
java -cp "$work/bare.jar:$work/example" Example "$demo/plan.toml" "$demo/targets.csv" \
  "$demo/officers.csv" "$seed" "$work/none.json" 2>"$work/none.log"
status=$?
set -e
if [ "$status" -eq 0 ] || ! grep -q 'shuangsui.library.path' "$work/none.log"; then
  echo "without a library anywhere, the error does not say where it was looked for" >&2
  cat "$work/none.log" >&2
  exit 1
fi

step "ok: the Java binding ($(($(date +%s) - started))s)"
