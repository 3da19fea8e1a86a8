#!/bin/sh
# Tesseract with the Indonesian model reads scanned pages (renja-audit --ocr auto); installed
# from Debian when missing. Without it the audit still runs and names the pages that need OCR.
set -u
if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx ind; then
  exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then sudo=sudo; fi
if command -v apt-get >/dev/null 2>&1 && $sudo apt-get update -qq \
   && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-ind; then
  exit 0
fi
echo "ensure_ocr: could not install tesseract-ocr tesseract-ocr-ind; scanned pages will not be read (OCR)." >&2
exit 0
