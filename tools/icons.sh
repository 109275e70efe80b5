#!/bin/sh
# Regenerate the app icons from build/icon.svg (needs rsvg-convert and ImageMagick: apt-get install librsvg2-bin
# imagemagick). The PNGs and the .ico are committed, so packaging does not need these tools.
set -e
cd "$(dirname "$0")/../build"
for s in 16 24 32 48 64 128 256 512 1024; do rsvg-convert -w $s -h $s icon.svg -o icons/${s}x${s}.png; done
cp icons/1024x1024.png icon.png
convert icons/16x16.png icons/24x24.png icons/32x32.png icons/48x48.png icons/64x64.png icons/128x128.png \
  icons/256x256.png icon.ico
