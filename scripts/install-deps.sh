#!/usr/bin/env bash
# Installs the Debian packages Slipway needs to build, test and run.
# Idempotent: only missing packages are installed, so a second run is quick.
# The web console (web/) needs Node.js 20 and npm, which the machines have;
# its browser journeys drive Debian's Chromium, with CJK fonts for zh-CN.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-system1.81-dev
  libcurl4-openssl-dev libssl-dev nlohmann-json3-dev libyaml-cpp-dev libspdlog-dev libfmt-dev
  libcli11-dev libsqlite3-dev libpq-dev libsodium-dev libargon2-dev libldns-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  postgresql docker-registry skopeo bind9 bind9-utils dnsutils wrk nginx curl git openssl python3
  chromium fonts-noto-cjk
  clang-format clang-tidy dpkg-dev systemd
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
