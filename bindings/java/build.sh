#!/usr/bin/env bash
# Builds shuangsui's Java binding into OUT: the native library (libshuangsui_jni.so on Linux,
# .dylib on macOS) and shuangsui.jar, which holds the classes (Java 8 bytecode) and a copy of
# the native library for this platform, so that the jar alone is enough at run time.
#
#   bindings/java/build.sh [--with-cli] OUT
#
# --with-cli also builds the command-line tool, in the same cargo invocation, and copies it to
# OUT/shuangsui: the library is then compiled once for both, with the CLI's features (the
# Java library behaves the same: only `beacon` and `rsa` change what the library does, and both
# are on either way), and a target directory where the release CLI is built already (CI's)
# compiles only the JNI crate. Without it, the native library is built with its own features
# alone (the library without its command-line crates), as for distribution.
#
# Needs cargo and a JDK (8 or later: javac, jar; JAVA_HOME's when set) and nothing else: no
# Maven, no Gradle, no download but the crates cargo fetches for the workspace. Honours
# CARGO_TARGET_DIR, and JAVACFLAGS (extra javac flags; the tests pass -Werror).
set -euo pipefail

usage() {
  echo "usage: $0 [--with-cli] OUT" >&2
  exit 2
}
packages=(-p shuangsui-java)
with_cli=""
while [ $# -gt 1 ]; do
  case "$1" in
    --with-cli) with_cli=1; packages+=(-p shuangsui); shift ;;
    *) usage ;;
  esac
done
if [ $# -ne 1 ] || [ "${1#-}" != "$1" ]; then
  usage
fi
mkdir -p "$1"
out=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
  javac="$JAVA_HOME/bin/javac"
  jar="$JAVA_HOME/bin/jar"
else
  javac=javac
  jar=jar
fi

if ! command -v "$javac" >/dev/null || ! command -v "$jar" >/dev/null; then
  echo "build.sh: no JDK (javac, jar) on PATH or in JAVA_HOME; on Debian: apt-get install openjdk-17-jdk-headless" >&2
  exit 1
fi

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=macos ;;
  *) echo "build.sh: $(uname -s) is not supported (Linux, macOS)" >&2; exit 2 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x86_64 ;;
  aarch64 | arm64) arch=aarch64 ;;
  *) arch=$(uname -m) ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The native library. Cargo's JSON messages name the file it built, wherever the target
# directory is.
cargo build --release --manifest-path "$root/Cargo.toml" "${packages[@]}" \
  --message-format=json-render-diagnostics >"$work/cargo.json"
library=$(grep -o '"[^"]*/libshuangsui_jni\.\(so\|dylib\)"' "$work/cargo.json" | tail -n 1 | tr -d '"')
if [ -z "$library" ] || [ ! -f "$library" ]; then
  echo "build.sh: cargo did not report libshuangsui_jni" >&2
  exit 1
fi
# Without the line tables of the release profile (44 MB on Linux, 7.5 MB without): what a
# panic's backtrace would use, and a panic is caught and answered anyway.
cp "$library" "$out/"
library="$out/$(basename "$library")"
chmod u+w "$library"
if command -v strip >/dev/null; then
  case "$os" in
    macos) strip -S "$library" ;;
    *) strip --strip-debug "$library" ;;
  esac
fi
if [ -n "$with_cli" ]; then
  cli=$(grep -o '"executable":"[^"]*/shuangsui"' "$work/cargo.json" | tail -n 1 | cut -d'"' -f4)
  if [ -z "$cli" ] || [ ! -x "$cli" ]; then
    echo "build.sh: cargo did not report the shuangsui executable" >&2
    exit 1
  fi
  cp "$cli" "$out/shuangsui"
fi

# The classes, for Java 8 and later: --release 8 where javac has it (9 and later), the
# source and target flags on JDK 8 itself.
if "$javac" -version 2>&1 | grep -q 'javac 1\.'; then
  release=(-source 1.8 -target 1.8)
else
  release=(--release 8)
fi
# shellcheck disable=SC2086
"$javac" "${release[@]}" -encoding UTF-8 -Xlint:all,-options -Xdoclint:all/protected \
  ${JAVACFLAGS:-} -d "$work/classes" "$here"/src/shuangsui/*.java

# The jar, with the native library where shuangsui.Native looks for it.
mkdir -p "$work/classes/shuangsui/native/$os-$arch"
cp "$library" "$work/classes/shuangsui/native/$os-$arch/"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$here/native/Cargo.toml" | head -n 1)
cat >"$work/manifest.txt" <<EOF
Automatic-Module-Name: shuangsui
Implementation-Title: shuangsui
Implementation-Version: $version
EOF
rm -f "$out/shuangsui.jar"
"$jar" cfm "$out/shuangsui.jar" "$work/manifest.txt" -C "$work/classes" .
echo "$out/shuangsui.jar"
echo "$library"
if [ -n "$with_cli" ]; then echo "$out/shuangsui"; fi
