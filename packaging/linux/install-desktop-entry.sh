#!/bin/sh
# Adds AzRel Desktop to your desktop's application menu, for this bundle folder where it is now:
# writes ~/.local/share/applications/azrel-desktop.desktop and the icon beside your other icons.
# Run it again after moving the folder; delete those two files to take the entry away.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons/hicolor/256x256/apps"
cp "$here/azrel-desktop.png" "$data/icons/hicolor/256x256/apps/azrel-desktop.png"
sed "s|^Exec=azrel-desktop|Exec=\"$here/azrel-desktop\"|" "$here/azrel-desktop.desktop" \
  > "$data/applications/azrel-desktop.desktop"
echo "AzRel Desktop added to the application menu (starting $here/azrel-desktop)."
