#!/bin/sh
# What the test suite drives besides Python, installed from Debian when missing:
#  - Chromium for the browser tests (Playwright must never download a browser of its own);
#  - LibreOffice Writer, which prints a .docx so its report gets page pictures;
#  - Tesseract with the Indonesian model, which reads scanned pages (OCR).
set -u
need=""
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need="$need chromium"
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-writer-nogui fonts-liberation"
{ command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx ind; } \
  || need="$need tesseract-ocr tesseract-ocr-ind"
[ -z "$need" ] && exit 0

sudo=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then sudo=sudo; fi
# shellcheck disable=SC2086  # $need is a list of package names
if command -v apt-get >/dev/null 2>&1 && $sudo apt-get update -qq \
   && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need; then
  exit 0
fi
echo "ensure_test_tools: could not install$need; the tests that need them will be skipped (and fail under CI)." >&2
# Outside CI the rest of the suite still runs; in CI a missing tool is an error.
case "${CI:-}" in ""|0|false|False|FALSE|no) exit 0 ;; *) exit 1 ;; esac
