"""Archive-condition copies of born-digital samples (watermarked and scanned).

    python -m samples.archive              # or: make archive-samples

Reads rendered samples in ``samples/pdf/`` and writes degraded copies into ``samples/archive/``,
each named ``<stem>-<variant>.pdf`` so that its truth stays ``samples/specs/<stem>.yaml``:

``<stem>-watermark.pdf``
    every page unchanged, with "DRAFT" as real text (Helvetica-Bold 110 pt, light grey, 45°)
    across the middle of the page and a small upright "SALINAN" stamp in a thin rectangle near
    the top right corner, reaching into the body; for ``parakan-2026`` and ``lowokwaru-2026``.
``parakan-2026-scanned-cover.pdf``
    the cover and the pages signed by the Camat (a "CAMAT ..." line and a NIP) replaced by
    image-only pages (200 dpi colour, a blue round stamp and a signature over the signature
    block, 0.4° rotation, mild noise, JPEG); every other page copied unchanged.
``parakan-2026-scanned.pdf``
    every page image-only: 200 dpi grayscale, skew alternating +0.3° / -0.5°, mild noise, a
    slightly grey uneven paper, JPEG quality 60 (``--quality``); page sizes equal the
    original's in points.
``parakan-2026-scanned-ocr.pdf``
    the same JPEG images with an invisible text layer made by ``tesseract -l ind --dpi 200``
    (``textonly_pdf``), scaled onto the page, as archives OCR their scans.

Deterministic: every random draw comes from a fixed seed per variant and page, PDFs carry no
dates or random file identifiers, and tesseract runs single-threaded per page.
"""

from __future__ import annotations

import argparse
import io
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
from PIL import Image
from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
)

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "samples" / "pdf"
OUT_DIR = ROOT / "samples" / "archive"

# The defect variants too: a watermark must hide no finding, and invent none.
WATERMARK_STEMS = ("parakan-2026", "lowokwaru-2026", "parakan-2026-defects", "lowokwaru-2026-defects")
COVER_STEMS = ("parakan-2026", "parakan-2026-defects")
SCAN_STEM = "parakan-2026"
VARIANTS = ("watermark", "scanned-cover", "scanned", "scanned-ocr")

DPI = 200
JPEG_QUALITY = 60  # 70 makes the 35-page scan ~7.7 MB; 60 keeps it near 6 MB
SEED = 2026
PRODUCER = "renja-audit samples/archive.py"

# --- geometry ------------------------------------------------------------------------------


def display_frame(page: PageObject) -> tuple[float, float, tuple[float, ...]]:
    """Width and height of the page as shown, and the matrix from shown to user space.

    "Shown" space has its origin at the bottom left of the visible (crop) box as a viewer
    displays it, after /Rotate; drawing through the matrix lands upright whatever the page's
    /Rotate and box origin.
    """
    box = page.cropbox
    x0, y0 = float(box.left), float(box.bottom)
    w, h = float(box.width), float(box.height)
    rotate = int(page.get("/Rotate", 0) or 0) % 360
    if rotate == 0:
        return w, h, (1, 0, 0, 1, x0, y0)
    if rotate == 90:  # shown clockwise: the user bottom edge is the shown left edge
        return h, w, (0, 1, -1, 0, x0 + w, y0)
    if rotate == 180:
        return w, h, (-1, 0, 0, -1, x0 + w, y0 + h)
    if rotate == 270:
        return h, w, (0, -1, 1, 0, x0, y0 + h)
    raise ValueError(f"/Rotate {rotate} is not a multiple of 90")


def num(v: float) -> str:
    return f"{v:.4f}".rstrip("0").rstrip(".") or "0"


# --- variant 1: text watermark ------------------------------------------------------------

# Helvetica-Bold advance widths (1/1000 em) of the letters used, and its cap height.
HELV_BOLD = {"D": 722, "R": 722, "A": 722, "F": 611, "T": 611, "S": 667, "L": 611, "I": 278, "N": 722}
CAP_HEIGHT = 0.718
FONT_NAME = "/FArchiveW"
GS_NAME = "/GSArchiveW"


def text_width(text: str, size: float) -> float:
    return sum(HELV_BOLD[ch] for ch in text) * size / 1000


def watermark_content(w: float, h: float, matrix: tuple[float, ...]) -> bytes:
    """DRAFT across the middle at 45°, SALINAN stamp at the top right, in shown space."""
    size, angle = 110.0, math.radians(45)
    cos, sin = math.cos(angle), math.sin(angle)
    half_w, half_h = text_width("DRAFT", size) / 2, CAP_HEIGHT * size / 2
    # baseline start so that the middle of the word's cap box sits at the page centre
    x = w / 2 - half_w * cos + half_h * sin
    y = h / 2 - half_w * sin - half_h * cos

    stamp_size, pad_x, stamp_h = 14.0, 7.0, 25.0
    stamp_w = text_width("SALINAN", stamp_size) + 2 * pad_x
    rx, ry = w - 36.0 - stamp_w, h - 34.0 - stamp_h  # reaches ~60 pt down: into the body
    tx, ty = rx + pad_x, ry + (stamp_h - CAP_HEIGHT * stamp_size) / 2
    ops = [
        "q",
        " ".join(num(v) for v in matrix) + " cm",
        f"{GS_NAME} gs",
        "0.6 g",
        f"BT {FONT_NAME} {num(size)} Tf {num(cos)} {num(sin)} {num(-sin)} {num(cos)} "
        f"{num(x)} {num(y)} Tm (DRAFT) Tj ET",
        "Q",
        "q",
        " ".join(num(v) for v in matrix) + " cm",
        "0.7 0.1 0.12 RG 0.7 0.1 0.12 rg 0.8 w",
        f"{num(rx)} {num(ry)} {num(stamp_w)} {num(stamp_h)} re S",
        f"BT {FONT_NAME} {num(stamp_size)} Tf 1 0 0 1 {num(tx)} {num(ty)} Tm (SALINAN) Tj ET",
        "Q",
    ]
    return ("\n".join(ops) + "\n").encode("ascii")


def stamp_page(page: PageObject) -> PageObject:
    w, h, matrix = display_frame(page)
    stamp = PageObject.create_blank_page(width=float(page.mediabox.width), height=float(page.mediabox.height))
    stamp.mediabox = page.mediabox
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica-Bold"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    gstate = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/ExtGState"),
            NameObject("/ca"): FloatObject(0.6),
        }
    )
    stamp[NameObject("/Resources")] = DictionaryObject(
        {
            NameObject("/Font"): DictionaryObject({NameObject(FONT_NAME): font}),
            NameObject("/ExtGState"): DictionaryObject({NameObject(GS_NAME): gstate}),
        }
    )
    content = DecodedStreamObject()
    content.set_data(watermark_content(w, h, matrix))
    stamp[NameObject("/Contents")] = content
    return stamp


def make_watermark(stem: str, out_dir: Path) -> Path:
    reader = PdfReader(SOURCE_DIR / f"{stem}.pdf")
    writer = PdfWriter(clone_from=reader)
    for page in writer.pages:
        # merging rewrites the page's content stream object in place: give every page its own,
        # or pages sharing one stream (identical pages) would collect each other's stamps
        own = DecodedStreamObject()
        own.set_data(page.get_contents().get_data() if page.get_contents() is not None else b"")
        page[NameObject("/Contents")] = writer._add_object(own)
        page.merge_page(stamp_page(page), over=True)
        page.compress_content_streams()
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
    return write(writer, out_dir / f"{stem}-watermark.pdf")


# --- rendering and scan degradation ---------------------------------------------------------


def render(pdf: pdfium.PdfDocument, index: int, grayscale: bool) -> Image.Image:
    page = pdf[index]
    image = page.render(scale=DPI / 72, grayscale=grayscale).to_pil()
    page.close()
    return image.convert("L" if grayscale else "RGB")


def rng_for(variant: str, index: int) -> np.random.Generator:
    return np.random.default_rng([SEED, VARIANTS.index(variant), index])


def rotate(arr: np.ndarray, degrees: float, fill) -> np.ndarray:
    h, w = arr.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(arr, m, (w, h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=fill)


def degrade(
    arr: np.ndarray, rng: np.random.Generator, skew: float, paper: float, ink: float, noise: float
) -> np.ndarray:
    """Scanner look: toner and paper levels, an uneven page, skew, soft optics, grain, dust."""
    a = arr.astype(np.float32)
    a = ink + a * ((paper - ink) / 255.0)
    h, w = a.shape[:2]
    # uneven illumination: a smooth low-frequency field of a few grey levels
    field = cv2.resize(rng.normal(0.0, 1.0, (4, 3)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    field = field * (4.0 / max(1e-6, float(np.abs(field).max())))
    a = a + (field[..., None] if a.ndim == 3 else field)
    a = rotate(a, skew, fill=(paper,) * 3 if a.ndim == 3 else paper)
    a = cv2.GaussianBlur(a, (0, 0), 1.0)  # a scanner's optics are softer than a renderer
    # paper grain: gaussian noise, softened like the image (sharp noise would double the JPEG)
    grain = cv2.GaussianBlur(rng.normal(0.0, 1.0, (h, w)).astype(np.float32), (0, 0), 1.0)
    grain *= noise / max(1e-6, float(grain.std()))
    a = a + (grain[..., None] if a.ndim == 3 else grain)
    for _ in range(int(rng.integers(15, 40))):  # dust specks
        cx, cy = int(rng.integers(0, w)), int(rng.integers(0, h))
        cv2.circle(a, (cx, cy), int(rng.integers(1, 3)), (float(rng.uniform(60, 150)),) * 3, -1)
    return np.clip(a, 0, 255).astype(np.uint8)


def jpeg(image: Image.Image, quality: int) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=quality, dpi=(DPI, DPI), optimize=True, progressive=True)
    return buf.getvalue()


def image_page(writer: PdfWriter, data: bytes, w_pt: float, h_pt: float) -> PageObject:
    """A page of w_pt x h_pt points showing only the JPEG, stretched over the whole page."""
    image = Image.open(io.BytesIO(data))
    xobject = DecodedStreamObject()
    xobject.set_data(data)
    xobject.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(image.width),
            NameObject("/Height"): NumberObject(image.height),
            NameObject("/ColorSpace"): NameObject("/DeviceGray" if image.mode == "L" else "/DeviceRGB"),
            NameObject("/BitsPerComponent"): NumberObject(8),
            NameObject("/Filter"): NameObject("/DCTDecode"),
        }
    )
    page = PageObject.create_blank_page(writer, width=w_pt, height=h_pt)
    page[NameObject("/Resources")] = DictionaryObject(
        {
            NameObject("/XObject"): DictionaryObject({NameObject("/Im0"): writer._add_object(xobject)}),
        }
    )
    content = DecodedStreamObject()
    content.set_data(f"q {num(w_pt)} 0 0 {num(h_pt)} 0 0 cm /Im0 Do Q\n".encode("ascii"))
    page[NameObject("/Contents")] = writer._add_object(content)
    return page


def shown_size(page: PageObject) -> tuple[float, float]:
    w, h, _ = display_frame(page)
    return w, h


def check_size(image: Image.Image, w_pt: float, h_pt: float) -> None:
    exp_w, exp_h = w_pt * DPI / 72, h_pt * DPI / 72
    if abs(image.width - exp_w) > 2 or abs(image.height - exp_h) > 2:
        raise RuntimeError(f"rendered {image.size}, expected about {exp_w:.0f}x{exp_h:.0f}")


# --- variant 2: scanned cover and signature pages -------------------------------------------

SIGNER = re.compile(r"\bCAMAT\s+[A-Z]{3,}")
NIP = re.compile(r"\bNIP\.?\s*\d{8}")


def signature_pages(pdf: pdfium.PdfDocument) -> list[int]:
    """Pages (0-based) signed by the Camat: a "CAMAT <PLACE>" line and a NIP."""
    found = []
    for i in range(len(pdf)):
        textpage = pdf[i].get_textpage()
        text = textpage.get_text_range()
        textpage.close()
        if SIGNER.search(text) and NIP.search(text):
            found.append(i)
    return found


def find_box(textpage, needle: str) -> tuple[float, float, float, float] | None:
    """(left, bottom, right, top) in page space of the last case-sensitive match of needle."""
    searcher = textpage.search(needle, match_case=True)
    last = None
    while (hit := searcher.get_next()) is not None:
        last = hit
    searcher.close()
    if last is None:
        return None
    boxes = [textpage.get_charbox(i) for i in range(last[0], last[0] + last[1])]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def draw_stamp(
    rgb: np.ndarray,
    rng: np.random.Generator,
    centre: tuple[int, int],
    radius: int,
    signature: tuple[int, int, int],
    label: str,
) -> np.ndarray:
    """A blue round office stamp and an ink signature, multiplied over the page like ink."""
    h, w = rgb.shape[:2]
    ink = np.zeros((h, w), np.uint8)  # drawn as 8-bit masks (putText needs them), 255 = ink
    stamp = np.zeros((h, w), np.uint8)
    # signature: a few looping strokes across the blank line above the name
    sx, sy, span = signature
    t = np.linspace(0, 1, 400)
    xs = sx - span / 2 + span * t
    ys = sy + span * 0.09 * np.sin(2 * np.pi * (3.2 * t + rng.uniform(0, 0.3))) * (1 - 0.5 * t) - span * 0.1 * t
    pts = np.stack([xs, ys], axis=1).astype(np.int32)
    cv2.polylines(ink, [pts], False, 255, 3, cv2.LINE_AA)
    loop = np.stack(
        [
            sx - span * 0.35 + span * 0.08 * np.cos(2 * np.pi * t),
            sy - span * 0.04 + span * 0.12 * np.sin(2 * np.pi * t),
        ],
        axis=1,
    ).astype(np.int32)
    cv2.polylines(ink, [loop], True, 255, 3, cv2.LINE_AA)
    # stamp: two rings, the unit name inside, a star on either side
    cx, cy = centre
    cv2.circle(stamp, centre, radius, 255, 6, cv2.LINE_AA)
    cv2.circle(stamp, centre, int(radius * 0.78), 255, 2, cv2.LINE_AA)
    font, thick = cv2.FONT_HERSHEY_DUPLEX, 2
    lines = label.split()
    widest = max(cv2.getTextSize(line, font, 1.0, thick)[0][0] for line in lines)
    scale = radius * 1.05 / widest  # the longest line fills about two thirds of the inner ring
    for k, line in enumerate(lines):
        (tw, th), _ = cv2.getTextSize(line, font, scale, thick)
        y = int(cy + (k - (len(lines) - 1) / 2) * th * 1.8 + th / 2)
        cv2.putText(stamp, line, (int(cx - tw / 2), y), font, scale, 255, thick, cv2.LINE_AA)
    for side in (-1, 1):
        angles = [k * math.pi * 4 / 5 - math.pi / 2 for k in range(5)]  # a five-point star
        star = np.array(
            [
                [cx + side * radius * 0.64 + radius * 0.07 * math.cos(a), cy + radius * 0.07 * math.sin(a)]
                for a in angles
            ],
            np.int32,
        )
        cv2.fillPoly(stamp, [star], 255, cv2.LINE_AA)
    # an uneven ink pad: some of the stamp is fainter
    pad = cv2.resize(rng.uniform(0.55, 1.0, (6, 6)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
    out = rgb.astype(np.float32)
    for layer, colour, strength in ((stamp / 255.0 * pad, (52, 78, 178), 0.85), (ink / 255.0, (25, 35, 95), 0.9)):
        alpha = (np.clip(layer, 0, 1) * strength)[..., None]
        tint = np.array(colour, np.float32) / 255.0
        out = out * (1 - alpha * (1 - tint))  # multiply blend: text under it stays dark
    return out


def scan_signed_page(
    pdf: pdfium.PdfDocument, index: int, w_pt: float, h_pt: float, rng: np.random.Generator, quality: int
) -> bytes:
    image = render(pdf, index, grayscale=False)
    check_size(image, w_pt, h_pt)
    arr = np.asarray(image).astype(np.float32)
    page = pdf[index]
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    signer = SIGNER.search(text)
    upright = page.get_rotation() == 0  # the box-to-pixel mapping below assumes no /Rotate
    camat = find_box(textpage, signer.group(0)) if signer and upright else None
    nip = find_box(textpage, "NIP") if camat else None
    textpage.close()
    if camat and nip:
        # pdfium's page space -> pixels of the rendered (shown) page
        left, _bottom, _right, top = page.get_bbox()
        s = DPI / 72

        def px(x: float, y: float) -> tuple[int, int]:
            return int((x - left) * s), int((top - y) * s)

        cam_l, cam_b = px(camat[0], camat[1])
        cam_r, _ = px(camat[2], camat[1])
        _, nip_t = px(nip[0], nip[3])
        gap_mid = (cam_b + nip_t) // 2
        radius = int(44 * s)
        centre = (cam_l - int(radius * 0.5), gap_mid - int(6 * s))
        signature = ((cam_l + cam_r) // 2 + int(18 * s), cam_b + int(14 * s), int(100 * s))
        label = signer.group(0)
        arr = draw_stamp(arr, rng, centre, radius, signature, label)
    page.close()
    out = degrade(arr, rng, skew=0.4, paper=246.0, ink=18.0, noise=2.5)
    return jpeg(Image.fromarray(out, "RGB"), quality)


def make_scanned_cover(stem: str, out_dir: Path, quality: int = JPEG_QUALITY) -> Path:
    reader = PdfReader(SOURCE_DIR / f"{stem}.pdf")
    pdf = pdfium.PdfDocument(SOURCE_DIR / f"{stem}.pdf")
    targets = sorted({0, *signature_pages(pdf)})
    writer = PdfWriter(clone_from=reader)
    for index in targets:
        page = writer.pages[index]
        w_pt, h_pt = shown_size(page)
        data = scan_signed_page(pdf, index, w_pt, h_pt, rng_for("scanned-cover", index), quality)
        scanned = image_page(writer, data, w_pt, h_pt)
        # replace in place: outline entries and page labels keep pointing at this page object
        for key in (
            "/Contents",
            "/Resources",
            "/Annots",
            "/Rotate",
            "/CropBox",
            "/BleedBox",
            "/TrimBox",
            "/ArtBox",
            "/Group",
            "/StructParents",
        ):
            if key in page:
                del page[key]
        page[NameObject("/MediaBox")] = ArrayObject(
            [NumberObject(0), NumberObject(0), FloatObject(w_pt), FloatObject(h_pt)]
        )
        page[NameObject("/Resources")] = scanned["/Resources"]
        page[NameObject("/Contents")] = scanned.raw_get("/Contents")
    pdf.close()
    writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
    print(f"  scanned pages: {', '.join(str(i + 1) for i in targets)}")
    return write(writer, out_dir / f"{stem}-scanned-cover.pdf")


# --- variants 3 and 4: every page scanned, with and without OCR -----------------------------


def scan_pages(stem: str, quality: int = JPEG_QUALITY) -> list[tuple[bytes, float, float]]:
    """Every page as a grayscale scan: (JPEG bytes, shown width pt, shown height pt)."""
    reader = PdfReader(SOURCE_DIR / f"{stem}.pdf")
    pdf = pdfium.PdfDocument(SOURCE_DIR / f"{stem}.pdf")
    pages = []
    for index, page in enumerate(reader.pages):
        w_pt, h_pt = shown_size(page)
        image = render(pdf, index, grayscale=True)
        check_size(image, w_pt, h_pt)
        skew = 0.3 if index % 2 == 0 else -0.5
        arr = degrade(np.asarray(image), rng_for("scanned", index), skew=skew, paper=236.0, ink=22.0, noise=1.0)
        pages.append((jpeg(Image.fromarray(arr, "L"), quality), w_pt, h_pt))
    pdf.close()
    return pages


def make_scanned(stem: str, out_dir: Path, pages: list[tuple[bytes, float, float]]) -> Path:
    writer = PdfWriter()
    for data, w_pt, h_pt in pages:
        writer.add_page(image_page(writer, data, w_pt, h_pt))
    return write(writer, out_dir / f"{stem}-scanned.pdf")


def ocr_layer(data: bytes, workdir: Path, index: int) -> PageObject:
    """tesseract's invisible text for one page image, as a one-page PDF page."""
    image = workdir / f"page-{index:03d}.jpg"
    image.write_bytes(data)
    base = workdir / f"page-{index:03d}"
    env = dict(os.environ, OMP_THREAD_LIMIT="1")  # one thread: the same text on every run
    done = subprocess.run(
        ["tesseract", str(image), str(base), "-l", "ind", "--dpi", str(DPI), "-c", "textonly_pdf=1", "pdf"],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"tesseract failed on page {index + 1}: {done.stderr.strip()}")
    return PdfReader(base.with_suffix(".pdf")).pages[0]


def make_scanned_ocr(stem: str, out_dir: Path, pages: list[tuple[bytes, float, float]]) -> Path:
    if shutil.which("tesseract") is None:
        raise SystemExit("tesseract is needed for the OCR variant (apt-get install tesseract-ocr tesseract-ocr-ind)")
    writer = PdfWriter()
    with tempfile.TemporaryDirectory() as tmp:
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            layers = list(pool.map(lambda i: ocr_layer(pages[i][0], Path(tmp), i), range(len(pages))))
        for (data, w_pt, h_pt), layer in zip(pages, layers):
            page = writer.add_page(image_page(writer, data, w_pt, h_pt))
            # tesseract's page is pixels * 72 / dpi; scale it onto the exact original size
            sx = w_pt / float(layer.mediabox.width)
            sy = h_pt / float(layer.mediabox.height)
            page.merge_transformed_page(layer, Transformation().scale(sx, sy), over=True)
            page.compress_content_streams()
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)  # one font
    return write(writer, out_dir / f"{stem}-scanned-ocr.pdf")


# --- output --------------------------------------------------------------------------------


def write(writer: PdfWriter, path: Path) -> Path:
    writer.add_metadata({"/Producer": PRODUCER})  # no dates are added: reruns are identical
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        writer.write(fh)
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(f"wrote {shown} ({len(writer.pages)} pages, {path.stat().st_size / 1e6:.2f} MB)")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.archive", description=__doc__.split("\n")[0])
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR)
    parser.add_argument(
        "--quality", type=int, default=JPEG_QUALITY, help=f"JPEG quality of the scanned pages (default {JPEG_QUALITY})"
    )
    parser.add_argument(
        "--only", choices=VARIANTS, action="append", help="make only this variant (repeatable); default: all"
    )
    args = parser.parse_args(argv)
    wanted = args.only or list(VARIANTS)
    if "watermark" in wanted:
        for stem in WATERMARK_STEMS:
            make_watermark(stem, args.out_dir)
    if "scanned-cover" in wanted:
        for stem in COVER_STEMS:
            make_scanned_cover(stem, args.out_dir, args.quality)
    if "scanned" in wanted or "scanned-ocr" in wanted:
        pages = scan_pages(SCAN_STEM, args.quality)
        if "scanned" in wanted:
            make_scanned(SCAN_STEM, args.out_dir, pages)
        if "scanned-ocr" in wanted:
            make_scanned_ocr(SCAN_STEM, args.out_dir, pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
