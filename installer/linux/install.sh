#!/bin/sh
# Install (or remove) Operator Desk from its unpacked Linux bundle, system-wide.
#   tar xzf operator-app-VERSION-linux-x86_64.tar.gz
#   sudo operator-app/linux/install.sh             # to /opt/operator-app, menu entry and icons
#   sudo operator-app/linux/install.sh --uninstall # the program only; users' data stays
# Each user's data (~/.local/share/operator-app: database, outbox, logs) is never touched.
set -eu
APP_ID=org.operatordesk.OperatorDesk
PREFIX=${PREFIX:-/usr/local}
TARGET=${TARGET:-/opt/operator-app}
HERE=$(cd "$(dirname "$0")" && pwd)
BUNDLE=$(dirname "$HERE")

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$PREFIX/bin/operator-app" "$PREFIX/share/applications/$APP_ID.desktop" \
        "$PREFIX/share/metainfo/$APP_ID.metainfo.xml"
  find "$PREFIX/share/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
  rm -rf "$TARGET"
  echo "removed $TARGET (users' data directories are left in place)"
  exit 0
fi

[ -x "$BUNDLE/operator-app" ] || { echo "error: no operator-app next to $HERE" >&2; exit 1; }
if [ "$BUNDLE" != "$TARGET" ]; then
  rm -rf "$TARGET.new" && cp -a "$BUNDLE" "$TARGET.new"
  rm -rf "$TARGET" && mv "$TARGET.new" "$TARGET"
fi
mkdir -p "$PREFIX/bin" "$PREFIX/share/applications" "$PREFIX/share/metainfo"
ln -sf "$TARGET/operator-app" "$PREFIX/bin/operator-app"
install -m 644 "$HERE/$APP_ID.desktop" "$PREFIX/share/applications/"
install -m 644 "$HERE/$APP_ID.metainfo.xml" "$PREFIX/share/metainfo/"
cp -r "$HERE/icons/hicolor" "$PREFIX/share/icons/" 2>/dev/null || {
  mkdir -p "$PREFIX/share/icons" && cp -r "$HERE/icons/hicolor" "$PREFIX/share/icons/"; }
command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
"$TARGET/operator-app" --self-test >/dev/null && echo "installed to $TARGET; self-test passed" \
  || { echo "installed to $TARGET, but its self-test failed: run $TARGET/operator-app --self-test" >&2; exit 1; }
