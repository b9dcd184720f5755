#!/usr/bin/env bash
# Builds the Debian package of a slipway binary:
#   scripts/package.sh BINARY OUTDIR   → OUTDIR/slipway_<version>_<arch>.deb
# Contents: /usr/bin/slipway, the systemd unit (with hardening options), the
# default configuration under /etc/slipway (conffiles), the docs; the
# maintainer scripts create the `slipway` system user. Dependencies come from
# the binary's shared libraries (dpkg-shlibdeps). `make package` builds the
# release binary and calls this.
set -euo pipefail

binary=${1:?usage: package.sh BINARY OUTDIR}
out=${2:?usage: package.sh BINARY OUTDIR}
repo=$(cd "$(dirname "$0")/.." && pwd)
pkg="$repo/packaging/debian"

[ -x "$binary" ] || { echo "package.sh: $binary is not an executable" >&2; exit 1; }
version=$("$binary" --version | awk '{print $2}')
arch=$(dpkg --print-architecture)
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/root"

install -D -m 0755 "$binary" "$root/usr/bin/slipway"
strip --strip-unneeded "$root/usr/bin/slipway"
install -D -m 0644 "$pkg/slipway.service" "$root/lib/systemd/system/slipway.service"
install -D -m 0644 "$pkg/slipway.yaml" "$root/etc/slipway/slipway.yaml"
install -D -m 0640 "$pkg/slipway.env" "$root/etc/slipway/slipway.env"
docs="$root/usr/share/doc/slipway"
install -D -m 0644 "$repo/README.md" "$docs/README.md"
for doc in configuration.md operations.md; do
  if [ -f "$repo/docs/$doc" ]; then install -m 0644 "$repo/docs/$doc" "$docs/"; fi
done

# Depends: the packages that hold the binary's shared libraries.
mkdir -p "$work/debian"
printf 'Source: slipway\n\nPackage: slipway\nArchitecture: any\n' > "$work/debian/control"
depends=$(cd "$work" && dpkg-shlibdeps -O "root/usr/bin/slipway" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "package.sh: dpkg-shlibdeps found no dependencies" >&2; exit 1; }

mkdir -p "$root/DEBIAN"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@DEPENDS@/$depends/" -e "s/@SIZE@/$size/" \
  "$pkg/control.in" > "$root/DEBIAN/control"
install -m 0644 "$pkg/conffiles" "$root/DEBIAN/conffiles"
install -m 0755 "$pkg/postinst" "$pkg/prerm" "$pkg/postrm" "$root/DEBIAN/"

deb="$out/slipway_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zgzip --build "$root" "$deb" >/dev/null
echo "$deb"
