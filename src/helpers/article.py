"""Read an article as people paste it from the web: plain text, Markdown or a saved HTML page.

`load_article` returns an `Article`: title, dek, byline, outlet, url, date, body paragraphs, and
the page furniture it removed (photo credits, link lists, boxes), which is reported, never analysed.

How it reads (each step is a small function below):

1. **Input**: a path (``str`` or ``Path``) or the text itself. A ``str`` counts as text when it has a
   newline, is longer than 300 characters, or is not an existing path (unless it looks like a file
   name, e.g. ``"story.txt"``, in which case a missing file is reported).
2. **Bytes → text**: refuses directories, empty and binary files; decodes UTF-8 (with or without a
   byte-order mark), UTF-16/32 with a byte-order mark, then asks charset-normalizer (preferring
   Windows-1252 whenever it is one of the candidates, the usual legacy encoding of English text),
   then falls back to Windows-1252.
3. **Format**: from the suffix (``.txt``, ``.md``/``.markdown``, ``.html``/``.htm``), else sniffed.
   HTML goes through trafilatura (text and metadata); Markdown markup is stripped; plain text is
   read one paragraph per line (or per blank-line block when the text is hard-wrapped).
4. **Header**: headline, dek, byline (including the "by URL · Outlet" form glued to the first
   paragraph in pasted pages), outlet (names and domains in ``data/outlets.csv``).
5. **Furniture**: lines matching the rules of ``data/furniture.txt`` (credits, "Advertisement",
   "Our Coverage of…" boxes with their bullet items, trailing notes), plus trailing bulleted link
   lists after the last paragraph. Every removed line is kept verbatim, in reading order.
6. **Checks**: a text whose share of common English words is low gets a warning.
"""
from __future__ import annotations

import codecs
import csv
import os
import re
import stat
import threading
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import InputError

DATA_DIR = Path(__file__).resolve().parent / "data"

#: A ``str`` longer than this is always taken as the article text, never as a path.
MAX_PATH_LENGTH = 300
#: Files larger than this are refused (a news article is a few dozen kilobytes).
MAX_BYTES = 64 * 1024 * 1024
#: Suffixes read as each format; anything else is sniffed.
SUFFIX_FORMATS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
}
#: An HTML page whose extracted body has fewer words than this has "no article".
MIN_HTML_WORDS = 20
#: Below this share of common English words (on texts of at least ENGLISH_MIN_WORDS words) we warn.
ENGLISH_MIN_SHARE = 0.15
ENGLISH_MIN_WORDS = 20
#: How many lines after the headline may hold the byline.
HEADER_WINDOW = 6


@dataclass
class Article:
    """One news article, split into the parts a reader sees.

    ``paragraphs`` is the analysed body, in order. ``furniture`` lists every piece of page text
    that was removed (credits, "Our Coverage" lists, verification boxes), verbatim, in order.
    ``warnings`` holds non-fatal problems (for example: the text does not look English).
    ``encoding`` is the character encoding the file was decoded with ("" for text passed as str).
    """

    title: str = ""
    dek: str = ""
    byline: str = ""
    outlet: str = ""
    url: str = ""
    date: str = ""
    paragraphs: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)
    source: str = "<text>"
    format: str = "text"
    warnings: list[str] = field(default_factory=list)
    encoding: str = ""

    PARAGRAPH_SEPARATOR = "\n\n"

    @property
    def body(self) -> str:
        """The analysed text: paragraphs joined by a blank line (offsets in tables refer to it)."""
        return self.PARAGRAPH_SEPARATOR.join(self.paragraphs)

    @property
    def words(self) -> int:
        """Number of words in the body (whitespace-separated tokens with a letter or digit)."""
        return sum(1 for tok in self.body.split() if re.search(r"\w", tok))

    @property
    def slug(self) -> str:
        """File-system-safe name: from the source file's stem, else from the title."""
        base = Path(self.source).stem if self.source and not self.source.startswith("<") else self.title
        return slugify(base or "article")

    def to_dict(self) -> dict:
        """The ``article.json`` record of the contract."""
        data = asdict(self)
        data["words"] = self.words
        data["slug"] = self.slug
        return data


def slugify(text: str, max_len: int = 80) -> str:
    """Lower-case ASCII slug: letters, digits and single hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:max_len].rstrip("-") or "article"


# ----------------------------------------------------------------------------------------------
# Shipped data: furniture rules, outlets, English function words
# ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FurnitureRules:
    """Compiled rules of ``data/furniture.txt``: one combined regex per kind (None when empty)."""

    line: re.Pattern | None
    box: re.Pattern | None
    tail: re.Pattern | None
    end: re.Pattern | None = None
    inline: tuple = ()  # separate patterns: a match (its group "cut" when it has one) is cut out of a paragraph


def _combine(patterns: list[str]) -> re.Pattern | None:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE) if patterns else None


@lru_cache(maxsize=None)
def furniture_rules(path: str | None = None) -> FurnitureRules:
    """Read the furniture rules (``KIND REGEX`` per line, ``#`` comments) and compile them."""
    rules: dict[str, list[str]] = {"line": [], "box": [], "tail": [], "end": [], "inline": []}
    text = Path(path or DATA_DIR / "furniture.txt").read_text(encoding="utf-8")
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, _, pattern = line.partition(" ")
        pattern = pattern.strip()
        if kind not in rules or not pattern:
            raise ValueError(f"furniture.txt line {number}: expected 'line|box|tail|end|inline REGEX', got {raw!r}")
        re.compile(pattern)  # fail early, naming nothing vague
        rules[kind].append(pattern)
    inline = tuple(re.compile(p, re.IGNORECASE) for p in rules.pop("inline"))
    return FurnitureRules(**{kind: _combine(patterns) for kind, patterns in rules.items()}, inline=inline)


#: A keyed inline rule is searched only this far (characters) around each place its literal stands
#: in a paragraph longer than `KEY_WINDOWS_ABOVE`: a lazy pattern tried at every position of a
#: 100,000-character paragraph without breaks cost seconds ("hide caption").
KEY_RADIUS = 1500
KEY_WINDOWS_ABOVE = 4 * KEY_RADIUS


def _inline_matches(rule: re.Pattern, paragraph: str, low: str, key: str):
    """Matches of an inline rule in ``paragraph``; in a long one with the rule's literal ``key``,
    only in windows of `KEY_RADIUS` around its occurrences (a match holds its literal). A rule that
    reads the paragraph's end (``$``) is searched whole: a window's end is no paragraph end."""
    if not key or len(paragraph) <= KEY_WINDOWS_ABOVE or "$" in rule.pattern:
        yield from rule.finditer(paragraph)
        return
    windows: list[list[int]] = []
    for hit in re.finditer(re.escape(key), low):
        a, b = max(0, hit.start() - KEY_RADIUS), min(len(paragraph), hit.end() + KEY_RADIUS)
        if windows and a <= windows[-1][1]:
            windows[-1][1] = b
        else:
            windows.append([a, b])
    for a, b in windows:
        yield from rule.finditer(paragraph, a, b)


def cut_inline_furniture(paragraph: str, rules: FurnitureRules) -> tuple[list[str], list[str]]:
    """``(pieces, cut)``: ``paragraph`` without the furniture that a lost line break left inside it
    (``inline`` rules of ``data/furniture.txt``; a rule that starts with ``(?#key:words)`` is only
    searched in a paragraph that contains those words: NPR's "hide caption / toggle caption" block, "(RELATED:
    …)", "CLICK HERE TO GET …", a linked name's hover card, a closing syndication note). The
    paragraph splits where a piece was cut; only whole characters go, so `text.RawMap` still maps the rest."""
    spans = []
    low = paragraph.lower()
    for rule in rules.inline:
        key = re.match(r"\(\?#key:([^)]*)\)", rule.pattern)
        if key and key.group(1).lower() not in low:
            continue  # the rule's literal is missing: no search (a slow pattern runs only where it can match)
        for m in _inline_matches(rule, paragraph, low, key.group(1).lower() if key else ""):
            a, b = m.span("cut") if "cut" in rule.groupindex else m.span()
            if b > a and not any(a < y and x < b for x, y in spans):
                spans.append((a, b))
    if not spans:
        return [paragraph], []
    pieces, cut, last = [], [], 0
    for a, b in sorted(spans):
        pieces.append(paragraph[last:a])
        cut.append(paragraph[a:b].strip())
        last = b
    pieces.append(paragraph[last:])
    return [p.strip() for p in pieces if p.strip()], cut


@dataclass(frozen=True)
class Outlets:
    """Outlet names from ``data/outlets.csv``: aliases and web domains mapped to canonical names."""

    by_alias: dict[str, str]
    by_domain: dict[str, str]
    alias_re: re.Pattern  # matches a known name or alias at the start of a string

    def from_domain(self, url_or_host: str) -> str:
        """Canonical outlet for a URL or host name ("https://www.nytimes.com/…" → "The New York Times")."""
        host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url_or_host.strip().lower()).split("/")[0].split(":")[0]
        parts = host.split(".")
        for i in range(len(parts) - 1):
            name = self.by_domain.get(".".join(parts[i:]))
            if name:
                return name
        return ""

    def canonical(self, name: str) -> str:
        """Canonical outlet for a name or alias ("NY Times" → "The New York Times"), else ""."""
        return self.by_alias.get(" ".join(name.split()).casefold(), "")


@lru_cache(maxsize=None)
def outlets() -> Outlets:
    """Load ``data/outlets.csv`` (columns: name, aliases ``|``-joined, domains ``|``-joined)."""
    by_alias: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    with open(DATA_DIR / "outlets.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = row["name"].strip()
            for alias in [name, *row.get("aliases", "").split("|")]:
                if alias.strip():
                    by_alias.setdefault(" ".join(alias.split()).casefold(), name)
            for domain in row.get("domains", "").split("|"):
                if domain.strip():
                    by_domain[domain.strip().lower()] = name
    # Longest alias first, so "The New York Times" wins over "New York Times"; a short alias (≤ 3
    # letters, e.g. "AP") must end at a non-letter, a longer one may be glued to the next sentence.
    names = sorted(by_alias, key=len, reverse=True)
    alternatives = [re.escape(a) + (r"(?-i:(?![A-Za-z]))" if len(a) <= 3 else r"(?-i:(?![a-z]))") for a in names]
    alias_re = re.compile(r"(?:" + "|".join(alternatives) + r")", re.IGNORECASE)
    return Outlets(by_alias, by_domain, alias_re)


@lru_cache(maxsize=None)
def english_words() -> frozenset[str]:
    """About 150 common English function words (``data/english_words.txt``)."""
    text = (DATA_DIR / "english_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def english_share(text: str, sample_chars: int = 200_000) -> tuple[float, int]:
    """Share of the words of ``text`` (first ``sample_chars`` characters) that are common English
    function words, and the number of words looked at. English news: about 0.4–0.5; other
    languages: near 0. Higher = more English-looking."""
    tokens = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text[:sample_chars].lower())
    if not tokens:
        return 0.0, 0
    common = english_words()
    return sum(1 for t in tokens if t in common) / len(tokens), len(tokens)


# ----------------------------------------------------------------------------------------------
# Input: path or text, bytes → str
# ----------------------------------------------------------------------------------------------

_MAGIC = [
    (b"%PDF", "PDF document"), (b"PK\x03\x04", "ZIP archive (e.g. .docx, .xlsx)"),
    (b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"), (b"\xd0\xcf\x11\xe0", "Microsoft Office document (.doc)"),
    (b"{\\rtf", "RTF document"), (b"\x7fELF", "program"), (b"MZ", "Windows program"),
]
_BOMS = [  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
_LOOKS_LIKE_FILE = re.compile(r"(?:^|[\\/])[^\\/\s]*\.(?:txt|text|md|markdown|html?|xhtml|json|csv)$|[\\/]", re.IGNORECASE)


def _is_text_argument(value: str) -> bool:
    """True when a ``str`` argument is the article text rather than a path."""
    if "\n" in value or len(value) > MAX_PATH_LENGTH:
        return True
    try:
        if Path(value).expanduser().exists():
            return False
    except (OSError, ValueError):  # e.g. an embedded NUL or a name too long for the OS
        return True
    # A short, space-free string that looks like a file name is a path that does not exist.
    return not (value.strip() and not re.search(r"\s", value.strip()) and _LOOKS_LIKE_FILE.search(value.strip()))


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an `InputError` naming the file: missing, a folder, unreadable, huge."""
    try:
        if path.is_dir():
            raise InputError(path, "is a directory, not a file (name the article file inside it)")
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise InputError(path, "not a regular file (a pipe, device or socket cannot be read as an article)")
        size = st.st_size
        if size > MAX_BYTES:
            raise InputError(path, f"file too large ({size / 1e6:.0f} MB; the reader accepts up to {MAX_BYTES / 1e6:.0f} MB)")
        return path.read_bytes()
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file (name the article file inside it)") from None
    except PermissionError:
        raise InputError(path, "permission denied: cannot read the file") from None
    except OSError as err:
        raise InputError(path, f"cannot read the file ({err.strerror or type(err).__name__})") from None


#: Share of bytes at odd (little-endian) or even (big-endian) positions that are NUL in UTF-16 text
#: of Latin script without a byte-order mark; binary data rarely has NULs in one parity only.
UTF16_NUL_SHARE = 0.3


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" / "utf-16-be" when ``data`` looks like BOM-less UTF-16 (NULs in one byte parity only)."""
    sample = data[:65536]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / max(1, len(odd))
    if nul_odd >= UTF16_NUL_SHARE and nul_even < 0.02:
        return "utf-16-le"
    if nul_even >= UTF16_NUL_SHARE and nul_odd < 0.02:
        return "utf-16-be"
    return None


_STRAY = threading.local()


def _stray_bytes(err: UnicodeDecodeError):
    """Codec error handler: a byte that is not UTF-8 is read as Windows-1252; its offset is noted."""
    _STRAY.bad.extend(range(err.start, err.end))
    return err.object[err.start:err.end].decode("cp1252", errors="replace"), err.end


codecs.register_error("helpers-stray-bytes", _stray_bytes)


def _mostly_utf8(data: bytes) -> tuple[str, list[int]] | None:
    """``(text, offsets of the bad bytes)`` when ``data`` is UTF-8 except for a few stray bytes.

    "Mostly" = at least as many valid multi-byte UTF-8 characters as invalid bytes: an editor saved
    UTF-8 and one Windows-1252 byte was pasted in. Each stray byte is read as Windows-1252 (``\x92``
    → ’), or U+FFFD when it has no meaning there. Legacy files (no valid multi-byte character)
    return None and go to the legacy rules.
    """
    _STRAY.bad = bad = []
    text = data.decode("utf-8", errors="helpers-stray-bytes")
    good = sum(1 for ch in text if ord(ch) > 127) - len(bad)
    if not bad or good < len(bad):
        return None
    return text, bad


def _where(data: bytes, offsets: list[int], limit: int = 3) -> str:
    """"line 12, column 40; line 30, column 2 (and 5 more)" for byte offsets of ``data``."""
    spots = []
    for off in offsets[:limit]:
        line = data.count(b"\n", 0, off) + 1
        col = off - (data.rfind(b"\n", 0, off) + 1) + 1
        spots.append(f"line {line}, byte {col}")
    more = f" (and {len(offsets) - limit} more)" if len(offsets) > limit else ""
    return "; ".join(spots) + more


def decode(data: bytes, source: str = "<bytes>") -> tuple[str, str]:
    """Bytes → (text, encoding name); `decode_with_notes` without the warnings."""
    text, encoding, _ = decode_with_notes(data, source)
    return text, encoding


def decode_with_notes(data: bytes, source: str = "<bytes>") -> tuple[str, str, list[str]]:
    """Bytes → (text, encoding name, warnings). Raises `InputError` for empty or binary data.

    Order: a byte-order mark (UTF-8/16/32) decides; UTF-16 without a mark is recognised by its
    NUL bytes in one byte parity; else strict UTF-8; else UTF-8 with the odd stray byte read as
    Windows-1252, when the text is mostly UTF-8 (`_mostly_utf8`; a warning says where); else
    Windows-1252 when the text is at least 97% ASCII (English with a few curly quotes or accents:
    detectors guess cp852 or cp1250 on such short evidence and turn "Japan’s" into "Japanĺs"); else
    charset-normalizer's candidates, taking Windows-1252 whenever it is among them (the usual
    legacy encoding of English text; charset-normalizer alone tends to pick Central European
    cp1250, turning "è" into "č"); else Windows-1252 with replacement characters.
    """
    if not data.strip():
        raise InputError(source, "empty file (no text)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(source, f"not valid {encoding.upper()} text despite its byte-order mark") from None
            return _check_text(text, source), encoding, []
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            hint = ("; save it as plain text (.txt) or as a web page (.html) and analyse that"
                    if kind.endswith(("document", ".xlsx)", "(.doc)")) else "")
            raise InputError(source, f"binary file, not text (looks like a {kind}){hint}")
    utf16 = _utf16_without_bom(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        notes = [f"read as {utf16.upper()} without a byte-order mark"]
        return _check_text(text, source), utf16, notes
    if b"\x00" in data[:65536]:
        raise InputError(source, "binary file, not text (contains NUL bytes)")
    try:
        return _check_text(data.decode("utf-8"), source), "utf-8", []
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        text, bad = mostly
        note = (f"{len(bad)} byte(s) are not valid UTF-8 and were read as Windows-1252 "
                f"(at {_where(data, bad)}); the rest is UTF-8")
        return _check_text(text, source), "utf-8", [note]
    try:  # mostly-ASCII text with a few legacy bytes: English in Windows-1252 (curly quotes, é, £)
        legacy = data.decode("cp1252")
        if sum(ord(ch) > 127 for ch in legacy) <= 0.03 * len(legacy):
            return _check_text(legacy, source), "cp1252", []
    except UnicodeDecodeError:
        pass
    text, encoding = None, "cp1252"
    try:
        import charset_normalizer

        matches = charset_normalizer.from_bytes(data)
        best = matches.best()
        if best is not None:
            candidates = {m.encoding for m in matches} | set(best.could_be_from_charset)
            encoding = "cp1252" if "cp1252" in candidates else best.encoding
            text = str(best) if encoding == best.encoding else None
    except Exception:  # a detector failure must not surface as a library traceback
        text = None
    if text is None:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    return _check_text(text, source), encoding, []


def _check_text(text: str, source: str) -> str:
    """Refuse decoded text that is mostly control characters (binary data) or blank."""
    sample = text[:65536]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if sample and controls / len(sample) > 0.01:
        raise InputError(source, "binary file, not text (mostly control characters)")
    if not text.strip():
        raise InputError(source, "empty file (only whitespace)")
    return text


#: Terminal escape sequences (CSI ``ESC [ … letter``, OSC ``ESC ] … BEL``) and any other ESC pair.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
#: Control characters other than tab and line breaks (C0, DEL, C1): never part of an article.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")
#: Invisible characters dropped: BOM, zero-width (non-)joiners and space, word joiner, soft hyphen,
#: and the bidi controls (LRM, RLM, ALM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI), which split names
#: ("Vladimir\u200e V. Putin") and can reorder what a reader sees (RLO).
_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def _normalize(text: str) -> str:
    """Unify line breaks; drop terminal escapes, control characters and invisible/bidi characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    if _CONTROLS.search(text) is not None:  # rare: one pass over clean text
        text = _CONTROLS.sub("", _ESCAPES.sub("", text.replace("\f", "\n").replace("\v", "\n")))
    return _INVISIBLE.sub("", text)


def control_count(text: str) -> int:
    """Terminal escapes plus control characters (not tab or line breaks) in ``text``: what `_normalize` drops."""
    if _CONTROLS.search(text) is None:
        return 0
    text = text.replace("\f", "").replace("\v", "")
    return len(_ESCAPES.findall(text)) + len(_CONTROLS.findall(_ESCAPES.sub("", text)))


def detect_format(text: str, suffix: str = "") -> str:
    """"html", "markdown" or "text": from the file suffix when known, else sniffed from the content."""
    head = text[:4000].lstrip().lower()
    if re.match(r"<!doctype html|<html\b|<\?xml[^>]*>\s*<(?:!doctype html|html)", head):
        return "html"  # a saved page, whatever its suffix
    fmt = SUFFIX_FORMATS.get(suffix.lower())
    if fmt:
        return fmt
    if re.search(r"<(?:head|body|article|div|p|meta|title)\b[^>]*>", head) and len(re.findall(r"</?[a-z][^>]*>", head)) >= 5:
        return "html"
    sample = text[:20000]
    first = next((ln.strip() for ln in sample.splitlines() if ln.strip()), "")
    signals = sum([
        bool(re.match(r"#{1,6}\s+\S", first)) * 2,
        first == "---",  # YAML front matter
        bool(re.search(r"^#{1,6}\s+\S", sample, re.M)),
        bool(re.search(r"!?\[[^\]\n]+\]\([^)\s]+\)", sample)),
        bool(re.search(r"\*\*[^*\n]+\*\*|__[^_\n]+__", sample)),
    ])
    return "markdown" if signals >= 2 else "text"


# ----------------------------------------------------------------------------------------------
# Blocks: one paragraph-like unit of the input, with its verbatim text
# ----------------------------------------------------------------------------------------------

@dataclass
class Block:
    """One line or paragraph of the input. ``raw`` is verbatim (for furniture), ``text`` is clean."""

    raw: str
    text: str
    kind: str = "para"  # para | bullet | heading | image | emphasis
    level: int = 0  # heading level
    link_only: bool = False  # the block is nothing but a link (Markdown)


_BULLET = re.compile(r"^(?:[-*+•·–]|\d{1,2}[.)])\s+(?=\S)")
_TERMINAL = re.compile(r"[.!?…:;\"”’'»)\]]$")


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when text is wrapped at a fixed width (lines cut mid-sentence), not one paragraph per line.

    Evidence: no line longer than 120 characters, and of the long lines (at least 60 % of the
    widest) that are followed by another text line, at least half end without sentence
    punctuation, at least two of them. Pasted web text (one long line per paragraph) never is.
    """
    lengths = [len(ln.strip()) for ln in lines if ln.strip()]
    if len(lengths) < 4 or max(lengths) > 120:
        return False
    long_enough = max(30, 0.6 * max(lengths))
    cut = cont = 0
    for cur, nxt in zip(lines, lines[1:]):
        cur, nxt = cur.strip(), nxt.strip()
        if len(cur) >= long_enough and nxt and not _BULLET.match(nxt) and not nxt.startswith("#"):
            cont += 1
            cut += not _TERMINAL.search(cur)
    return cut >= 2 and cut >= 0.5 * cont


def _wrapped_paragraphs(lines: list[str]) -> list[list[str]]:
    """Group hard-wrapped lines into paragraphs: at blank lines, or (when the text has none) after a
    line that ends a sentence well short of the wrap width."""
    stripped = [ln.strip() for ln in lines]
    has_blanks = any(not s for s in stripped[:-1]) and any(stripped)
    width = max((len(s) for s in stripped), default=0)
    groups: list[list[str]] = []
    pending: list[str] = []
    for s in stripped:
        if not s:
            if pending:
                groups.append(pending)
                pending = []
            continue
        pending.append(s)
        if not has_blanks and _TERMINAL.search(s) and len(s) < 0.75 * width:
            groups.append(pending)
            pending = []
    if pending:
        groups.append(pending)
    return groups


def text_blocks(text: str) -> list[Block]:
    """Plain text → blocks: one per line (pasted web text), or per paragraph if hard-wrapped."""
    lines = text.split("\n")
    blocks: list[Block] = []
    if _is_hard_wrapped(lines):
        for group in _wrapped_paragraphs(lines):
            pending: list[str] = []
            for s in group + [""]:
                if s and not _BULLET.match(s):
                    pending.append(s)
                    continue
                if pending:
                    blocks.append(Block("\n".join(pending), " ".join(pending)))
                    pending = []
                if s:
                    blocks.append(Block(s, _BULLET.sub("", s, count=1), "bullet"))
        return blocks
    for line in lines:
        s = line.strip()
        if s:
            bullet = _BULLET.match(s)
            blocks.append(Block(s, s[bullet.end():] if bullet else s, "bullet" if bullet else "para"))
    return blocks


_MD_IMAGE_LINE = re.compile(r"^(?:\[\s*)?!\[[^\]]*\]\([^)]*\)(?:\s*\]\([^)]*\))?\s*$")
_MD_LINK_ONLY = re.compile(r"^\[[^\]]+\]\([^)]*\)[\s.]*$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_RULE = re.compile(r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$")
_MD_EMPHASIS_LINE = re.compile(r"^(\*{1,2}|_{1,2})(?!\s)(.+?)(?<!\s)\1$")
_MD_INLINE = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # inline images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # [text](url)
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # [text][ref]
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # <https://…>
    (re.compile(r"</?[A-Za-z][^>\n]*>"), ""),  # inline HTML tags
    (re.compile(r"`([^`\n]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?!\s)(.+?)(?<!\s)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?![\s*])(.+?)(?<![\s*])\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?![\s_])(.+?)(?<![\s_])_(?![\w_])"), r"\1"),
    (re.compile(r"~~(.+?)~~"), r"\1"),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])"), r"\1"),
]


def strip_markdown(text: str) -> str:
    """Inline Markdown → plain text: links keep their words, emphasis and code marks go."""
    for pattern, repl in _MD_INLINE:
        text = pattern.sub(repl, text)
    return " ".join(text.split())


def _front_matter(lines: list[str]) -> tuple[dict, int]:
    """YAML front matter (``---`` … ``---``) at the top: (mapping, number of lines it takes)."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    for end in range(1, min(len(lines), 80)):
        if lines[end].strip() in ("---", "..."):
            try:
                import yaml

                meta = yaml.safe_load("\n".join(lines[1:end]))
            except Exception:
                return {}, 0
            return (meta if isinstance(meta, dict) else {}), end + 1
    return {}, 0


def markdown_blocks(text: str) -> tuple[list[Block], dict]:
    """Markdown → blocks (headings, bullets, images, paragraphs) and front-matter metadata."""
    lines = text.split("\n")
    meta, skip = _front_matter(lines)
    lines = lines[skip:]
    wrapped = _is_hard_wrapped(lines)
    blocks: list[Block] = []
    pending: list[str] = []

    def flush():
        if not pending:
            return
        groups = [pending[:]] if wrapped else [[ln] for ln in pending]
        for group in groups:
            raw = "\n".join(group)
            joined = " ".join(group)
            match = _MD_EMPHASIS_LINE.match(joined)
            blocks.append(Block(raw, strip_markdown(joined), "emphasis" if match else "para",
                                link_only=bool(_MD_LINK_ONLY.match(joined))))
        pending.clear()

    in_code = False
    for line in lines:
        s = line.strip()
        if s.startswith("```") or s.startswith("~~~"):
            flush()
            in_code = not in_code
            continue
        if in_code or not s or re.match(r"^<!--.*-->$", s):
            flush()
            continue
        if pending and re.match(r"^(?:=+|-+)$", s):  # setext heading underline
            title = pending.pop()
            flush()
            blocks.append(Block(title + "\n" + s, strip_markdown(title), "heading", 1 if s[0] == "=" else 2))
            continue
        if _MD_RULE.match(s):
            flush()
            continue
        heading = _MD_HEADING.match(s)
        if heading:
            flush()
            blocks.append(Block(s, strip_markdown(heading.group(2)), "heading", len(heading.group(1))))
            continue
        if _MD_IMAGE_LINE.match(s) or re.match(r"^\[[^\]]+\]:\s*\S+", s):
            flush()
            blocks.append(Block(s, "", "image"))
            continue
        bullet = _BULLET.match(s)
        if bullet:
            flush()
            item = s[bullet.end():]
            blocks.append(Block(s, strip_markdown(item), "bullet", link_only=bool(_MD_LINK_ONLY.match(item))))
            continue
        if s.startswith(">"):
            s = re.sub(r"^(?:>\s?)+", "", s)
            if not s:
                flush()
                continue
        pending.append(s)
    flush()
    return blocks, meta


#: Element nesting the HTML parser under trafilatura (libxml2) handles; deeper pages are flattened.
MAX_HTML_DEPTH = 200
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_LAYOUT_TAGS = re.compile(r"</?(?:div|span|section|font|center|main|aside)\b[^>]*>", re.IGNORECASE)


def html_depth(html: str) -> int:
    """Deepest element nesting of ``html`` (a tag count, not a parse; void elements ignored)."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _VOID or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _flatten(html: str) -> str:
    """``html`` without its layout containers (div, span, section …): their text stays, their nesting goes."""
    return _LAYOUT_TAGS.sub("\n", html)


def html_blocks(html: str, source: str) -> tuple[list[Block], dict]:
    """A saved HTML page → blocks of its main text plus metadata, via trafilatura.

    Raises `InputError` when the page holds no article text (or the extractor fails).
    """
    try:
        import logging

        import trafilatura

        logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=True)
        if doc is None or not (getattr(doc, "text", None) or "").strip():
            doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
        if (doc is None or not (getattr(doc, "text", None) or "").strip()) and html_depth(html) > MAX_HTML_DEPTH:
            doc = trafilatura.bare_extraction(_flatten(html), with_metadata=True, include_comments=False,
                                              favor_recall=True)
    except Exception as err:  # never a traceback from inside the extractor
        raise InputError(source, f"could not read this HTML page ({type(err).__name__}: {err})") from None
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        raise InputError(source, "no article text found in this HTML page")
    meta = {key: (getattr(doc, key, None) or "") for key in ("title", "author", "sitename", "hostname", "url", "date", "description")}
    return text_blocks(_normalize(text)), meta


# ----------------------------------------------------------------------------------------------
# Byline and outlet
# ----------------------------------------------------------------------------------------------

_NAME = r"(?:[A-Z][\w'’.-]*|(?:de|da|del|der|den|van|von|al|el|bin|la|le|di|du|dos|ter)\b)"
_NAMES = rf"[A-Z][\w'’.-]*(?:\s+{_NAME})*(?:\s*(?:,|\band\b|&)\s*[A-Z][\w'’.-]*(?:\s+{_NAME})*)*"
_BY = r"^(?:(?i:written|words|story|text)\s+)?(?i:by)\s*:?\s+"
_BYLINE_URL = re.compile(_BY + r"(?P<url>https?://\S+)\s*(?:[·|•—–]\s*(?P<rest>.*))?$")
_BYLINE_SEP = re.compile(_BY + rf"(?P<names>{_NAMES})\s*[·|•]\s*(?P<rest>.*)$")
_BYLINE_LINE = re.compile(_BY + rf"(?P<names>{_NAMES})(?:\s*[,—–-]\s*(?P<rest>[A-Z][^.!?]{{0,60}}))?\s*$")
_SEPARATOR = re.compile(r"^\s*[·|•,—–-]?\s*")


@dataclass
class Byline:
    """What a byline line holds: names, outlet, author-page URL, and any paragraph glued to it."""

    byline: str = ""
    outlet: str = ""
    url: str = ""
    rest: str = ""
    date: str = ""


def name_from_url(url: str) -> str:
    """Author name from a profile URL's last path segment ("…/by/jonathan-swan" → "Jonathan Swan")."""
    path = re.sub(r"[?#].*$", "", url).rstrip("/")
    slug = path.rsplit("/", 1)[-1]
    words = [w for w in re.split(r"[-_+]+", slug) if w and not w.isdigit()]
    if not 1 <= len(words) <= 5 or not all(re.fullmatch(r"[^\W\d_]+", w) for w in words):
        return ""
    particles = {"de", "da", "del", "der", "den", "van", "von", "al", "bin", "la", "le", "di", "du"}
    return " ".join(w.lower() if (i and w.lower() in particles) else w.capitalize() for i, w in enumerate(words))


#: The last words of newspaper, broadcaster and wire names ("Harbor Courier", "The Baltic Ledger").
OUTLET_HEADS = frozenset("""times post news herald journal tribune gazette chronicle courier ledger daily weekly
    observer guardian telegraph express standard record review press wire radio tv television magazine monitor
    star sun bulletin dispatch examiner inquirer mirror register sentinel today report reporter times-dispatch
    independent mail gazette-journal newspaper network broadcasting agency""".split())
#: Words that show a byline's last part is the writer's role, not an outlet ("Staff Reporter").
_ROLE_WORDS = frozenset("staff writer correspondent editor reporter contributor columnist producer".split())


def outlet_like(name: str) -> bool:
    """``name`` reads as an outlet's: one to five capitalised words ending in a head word of outlet
    names ("Harbor Courier", "The Riverside Ledger"), not a role ("Staff Reporter", "Senior Correspondent")."""
    words = name.split()
    if not 1 <= len(words) <= 5 or not all(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    low = [w.lower().strip(".,") for w in words]
    return low[-1] in OUTLET_HEADS and not (set(low) & _ROLE_WORDS and low[0] != "the")  # "The Hollywood Reporter"


#: A date line's leading label: "Published 1 December 2026", "Posted on: May 3, 2025".
_DATE_LABEL = re.compile(r"^(?:first\s+)?(?:published|posted)(?:\s+on)?\s*:?\s*", re.I)


def plain_date(text: str) -> str:
    """A header date without its "Published"/"Posted" label ("Updated …" keeps its word: it is another date)."""
    return _DATE_LABEL.sub("", text.strip()).strip()


def split_outlet(rest: str) -> tuple[str, str]:
    """Outlet name at the start of ``rest`` and what follows it (a paragraph glued to the byline).

    A known outlet (``data/outlets.csv``) wins and is returned in its canonical form; else the text
    up to the first place where a lower-case letter is glued to a capital ("NewsThe") when that is
    short; else all of ``rest`` when it is a short name; else no outlet.
    """
    rest = rest.strip()
    if not rest:
        return "", ""
    known = outlets()
    match = known.alias_re.match(rest)
    if match:
        after = rest[match.end():]
        if after[:1].isspace() and len(after.split()) <= 6 and not re.search(r"[.!?]$", after):
            after = ""  # "Guardian staff", "Reuters, Kyiv": a description of the outlet, not text
        return known.canonical(match.group(0)), after.strip()
    glue = re.search(r"(?<=[a-z.)])(?=[A-Z“\"‘])", rest[:80])
    if glue and len(rest[:glue.start()].split()) <= 6:
        return rest[:glue.start()].strip(), rest[glue.start():].strip()
    if len(rest.split()) <= 6 and not re.search(r"[.!?]$", rest):
        return rest, ""
    return "", rest


def _byline_fields(rest: str) -> tuple[str, str, str] | None:
    """``(outlet, "", date)`` when everything after the names is separated fields, each a date or a
    short name ("The Baltic Ledger | 14 November 2026", "Reuters · 2 hours ago"); else None (a
    paragraph glued to the byline, or one field that `split_outlet` reads)."""
    fields = [f.strip() for f in re.split(r"\s*[·|•]\s*", rest.strip())]
    dates = [f for f in fields if is_dateline(f)]
    names = [f for f in fields if f not in dates]
    short = all(f[:1].isupper() and len(f.split()) <= 6 and not re.search(r"[.!?]$", f) for f in names)
    if not dates or len(names) > 1 or not short or not all(fields):
        return None
    outlet = (outlets().canonical(names[0]) or names[0]) if names else ""
    return outlet, "", " | ".join(dates)


def parse_byline(text: str) -> Byline | None:
    """Parse a byline line, or None when the line is not one.

    Forms: ``by URL · Outlet<glued first paragraph>`` (name from the URL slug), ``By Name · Outlet…``,
    and a whole-line ``By Name[, Name and Name][, Outlet]``. A sentence such as "By Monday, officials
    said…" is not a byline (the part after the names must be a short capitalised name, no sentence).
    """
    text = text.strip()
    if not re.match(_BY, text):
        return None
    known = outlets()
    match = _BYLINE_URL.match(text)
    if match:
        url = match.group("url").rstrip(".,;·")
        outlet, rest = split_outlet(match.group("rest") or "")
        return Byline(name_from_url(url), outlet or known.from_domain(url), url, rest)
    match = _BYLINE_SEP.match(text)
    if match:
        names = _clean_names(match.group("names"))
        fields = _byline_fields(match.group("rest"))
        outlet, rest, date = fields if fields else (*split_outlet(match.group("rest")), "")
        head, _, last = names.rpartition(",")
        if head and known.canonical(last):
            names, outlet = head.strip(), outlet or known.canonical(last)
        return Byline(names, outlet, "", rest, date)
    match = _BYLINE_LINE.match(text)
    if match and len(text.split()) <= 20:
        byline = _clean_names(match.group("names"))
        extra = (match.group("rest") or "").strip()
        head, _, last = byline.rpartition(",")
        if not extra and head and known.canonical(last):  # "By A and B, The Guardian"
            byline, extra = head.strip(), last.strip()
        outlet = known.canonical(extra) if extra else ""
        if extra and not outlet:
            byline = f"{byline}, {extra}"
        head, _, last = byline.rpartition(",")
        if not outlet and head and outlet_like(last.strip()):  # "By Ana Ortiz, Harbor Courier": an outlet not listed
            byline, outlet = head.strip(), last.strip()
        staff = re.fullmatch(r"(.+?)\s+(?:staff|newsroom|reporters?|correspondents?|editors?|news desk)", byline, re.I)
        if not outlet and staff and known.canonical(staff.group(1)):  # "By Al Jazeera Staff"
            outlet = known.canonical(staff.group(1))
        if not outlet:  # "By A and B Associated Press": a known outlet glued to the names
            words = byline.split()
            for k in range(min(4, len(words) - 1), 0, -1):
                if known.canonical(" ".join(words[-k:])):
                    byline, outlet = " ".join(words[:-k]).rstrip(" ,"), known.canonical(" ".join(words[-k:]))
                    break
        return Byline(byline, outlet, "", "")
    return None


#: A wire dateline opening the body: an upper-case place, an optional ", Region" and date, an
#: optional "(Agency)", then a dash ("WASHINGTON —", "KYIV, Ukraine (AP) —", "NEW YORK, June 3 (Reuters) -").
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*"
                            r"(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                            r"\s*(?:\((?P<agency>[A-Za-z .&-]+)\)\s*)?(?:[—–―‒]|--?)\s")  # em, en, bar, figure dash


def wire_dateline(first_paragraph: str) -> re.Match | None:
    """The wire dateline opening the body (group ``agency``: "Reuters" in "(Reuters)"), or None."""
    return _WIRE_DATELINE.match(first_paragraph)


_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE = re.compile(rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
                   rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})", re.I)
_TIME = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)|\b\d{1,2}[:.]\d{2}\b", re.I)
#: A relative date: "2 hours ago", "a day ago", "just now", "yesterday".
_AGO = re.compile(r"\b(?:(?:\d+|an?|one)\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago|just now|yesterday|today)\b", re.I)
_DATE_WORDS = re.compile(
    r"\b(?:published|updated|last|posted|modified|on|at|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|et|est|edt|ct|cst|cdt|pt|pst|pdt|gmt|bst|cet|cest|utc)\b\.?", re.I)


def is_dateline(text: str) -> bool:
    """A line that only gives a publication date or time ("Feb. 9, 2026", "Updated 5:02 p.m. ET",
    "Published March 3, 2026, 6:00 a.m. ET | Updated 7:10 a.m. ET", "2026-02-09"): nothing else."""
    text = text.strip()
    if not text or len(text.split()) > 16:
        return False
    has_date = bool(_DATE.search(text) or _AGO.search(text))
    if not has_date and not (re.match(r"(?i)(?:published|updated|posted|last updated)\b", text) and _TIME.search(text)):
        return False
    rest = _DATE_WORDS.sub(" ", _TIME.sub(" ", _DATE.sub(" ", _AGO.sub(" ", text))))
    return re.sub(r"[\s,.;:|·•/()–—-]+", "", rest) == ""


_BARE_NAME = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
_BARE_PERSON = (rf"{_BARE_NAME}(?:\s+(?:[A-Z]\.|{_BARE_NAME}|(?:de|da|del|van|von|der|den|al|bin|la|le|di|du)\b)){{0,2}}"
                rf"\s+(?:Mc|Mac|O’|O')?{_BARE_NAME}(?:,?\s+(?:Jr\.|Sr\.|III|II))?")
_BARE_IN = r"(?:\s+in\s+[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2})?"  # "Shaun Walker in Kyiv"
_BARE_BYLINE = re.compile(rf"^(?P<names>{_BARE_PERSON}{_BARE_IN}(?:\s*,\s*{_BARE_PERSON}{_BARE_IN})*"
                          rf"(?:\s*,?\s+(?:and|&)\s+{_BARE_PERSON}{_BARE_IN})?)$")


def parse_bare_byline(text: str, given_names: frozenset[str] = frozenset(), next_to_date: bool = False) -> Byline | None:
    """A byline without "By": a line of one to four people's names ("Catie Edmondson and Emily Cochrane").

    A line of capitalised words could also be a section label ("Middle East Crisis"), so it counts
    only with more evidence: a common given name starting one of the names (``given_names``,
    lower case), or a date line right before or after it (``next_to_date``). `assemble` looks for
    it only in the header, right after the headline or dek.
    """
    text = " ".join(text.split())
    match = _BARE_BYLINE.match(text)
    if not match or len(text.split()) > 16:
        return None
    names = re.sub(r"\s+in\s+[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2}(?=\s*(?:,|\band\b|&|$))", "", match.group("names"))
    people = [p for p in re.split(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", names) if p]
    people = [p for p in people if p not in ("Jr.", "Sr.", "III", "II")]
    if not 1 <= len(people) <= 4:
        return None
    if not next_to_date and not any(p.split()[0].lower() in given_names for p in people):
        return None
    return Byline(text, "", "", "")


def _clean_names(names: str) -> str:
    return " ".join(names.replace(" ,", ",").split()).strip(" ,")


def _join_authors(author: str) -> str:
    """trafilatura's "A; B; C" → "A, B and C"."""
    names = [a.strip() for a in re.split(r"\s*;\s*", author) if a.strip()]
    return names[0] if len(names) == 1 else (", ".join(names[:-1]) + " and " + names[-1] if names else "")


# ----------------------------------------------------------------------------------------------
# Assembling the article
# ----------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Common given names (lower case) from ``data/given_names.txt`` (shared with the actor finder)."""
    lines = (DATA_DIR / "given_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(ln.split()[0].lower() for ln in lines if ln.strip() and not ln.startswith("#"))


_DOTTED = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}")


def _sentence_breaks(text: str) -> int:
    """Sentence ends inside ``text`` (a full stop, ! or ? before a capital), not counting the periods of
    dotted abbreviations ("N.C.", "G.O.P.") and short forms that never end a sentence ("Rep.", "Gov.")."""
    from .resources import ABBREVIATIONS

    masked = _DOTTED.sub(lambda m: "X" * len(m.group()), text)
    masked = re.sub(r"\b([A-Za-z]+)\.", lambda m: m.group() if m.group(1).lower() not in ABBREVIATIONS
                    else m.group(1) + "_", masked)
    return len(re.findall(r"[.!?]\s+[A-Z“\"‘']", masked))


def _looks_like_headline(text: str, following: list[str] | tuple = ()) -> bool:
    """A headline: 2–25 words, one sentence (the periods of "N.C." or "Rep." end none), not a numbered
    list item ("1. Passing clouds", "2) …"; a year or a count such as "2020 Candidates" or "5 things to
    watch" is fine).
    It may end without a stop, with ! or ?, or — when one of the next two blocks (``following``) is a
    body paragraph of at least 20 words and twice its length — with one full stop (the convention of
    some archives: "Trump leave plan draws fire.") or a semicolon before its second line (USA Today
    style), or — in Title Case (`_title_case`: "Clinton Plan for Taxes Is Expansive but Complex.") —
    with one full stop whatever follows, since a body sentence is not written so — or with one full stop
    when the next block opens with a wire dateline ("ROME - …"), where the body starts."""
    words = len(text.split())
    if not 2 <= words <= 25 or re.match(r"\d{1,2}[.)]\s", text) or _sentence_breaks(text):
        return False
    if re.search(r"[:,]$", text) or re.search(r"\.\.$|…$", text):
        return False
    if not re.search(r"[.;]$", text):
        return True
    if words <= 20 and text.endswith(".") and _title_case(text):
        return True
    if following and wire_dateline(following[0]):
        return True  # the body opens with a dateline ("ROME - Bernie Sanders met …"): the line above heads it
    return words <= 20 and any(len(f.split()) >= max(20, 2 * words) for f in list(following)[:2])


def _title_case(text: str) -> bool:
    """Every word of four or more letters starts with a capital (or a digit), and there are at least
    three such words: the Title Case of headlines ("Clinton Plan for Taxes Is Expansive but Complex").
    Short words are ignored (headline styles differ on "for", "but", "Is"); a body sentence has
    lower-case content words ("Hillary Clinton has come up with one")."""
    long_words = [w for w in re.findall(r"[^\W\d_][\w'’-]*|\d[\w,.-]*", text) if len(w) >= 4]
    return len(long_words) >= 3 and all(w[0].isupper() or w[0].isdigit() for w in long_words)


def _heading_like(block: Block) -> bool:
    """A box heading: a Markdown heading, or a short line that does not end like a sentence."""
    return block.kind == "heading" or (
        block.kind in ("para", "emphasis") and len(block.text.split()) <= 12 and not re.search(r"[.!?\"”’']$", block.text))


def _same(a: str, b: str) -> bool:
    norm = lambda s: re.sub(r"\W+", " ", s).casefold().strip()  # noqa: E731
    return bool(a) and norm(a) == norm(b)


#: A section label standing alone, in capitals, with a stop: "LETTERS.", "TOP STORIES.", "FACEBOOK."
_SECTION_LABEL = re.compile(r"^[A-Z][A-Z&'’-]+(?: [A-Z][A-Z&'’-]+){0,2}\.$")
_SMALL_WORDS = frozenset("a an the and or but of in on at to for by with from as vs via is are be its it's".split())


def _ends_sentence(word: str) -> bool:
    """A word ending in a stop that is no abbreviation or initial ("Jr.", "Gov.", "U.S." go on)."""
    return bool(re.search(r"[.!?]$", word)) and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.", word)


def split_glued_headline(text: str) -> tuple[str, str] | None:
    """``(headline, rest)`` when a flattened text (no line breaks) starts with its headline glued to the
    first sentence, else None. Looked for in the first 40 words, in this order:

    - a wire dateline after it: "… on behalf of future generations WASHINGTON – The Supreme Court …";
    - a question or exclamation ending a short first sentence: "… the Texas Democrat? It was …";
    - an office title and a name after a lower-case word: "… pipeline construction President Trump on
      Wednesday signed …" (the headline does not end with "the", "of", "by" …);
    - a Title Case headline of at least four words followed by a capitalised word and a lower-case
      one: "… The Green New Deal Generates Enthusiasm Environmental activists occupy …".
    """
    words = list(re.finditer(r"\S+", text[:600]))[:40]
    if len(text.split()) < 60 or len(words) < 6:
        return None
    for k in range(3, len(words) - 2):
        if _WIRE_DATELINE.match(text[words[k].start():]) and not re.search(r"[.!?]", text[:words[k].start()]):
            return text[:words[k].start()].strip(), text[words[k].start():]
    ellipsis = re.match(r"(\S.{8,250}?\S(?:\.\.\.|…))\s+(?=[A-Z\"“‘'])", text)
    if ellipsis and len(ellipsis.group(1).split()) <= 30 and not re.search(r"[.!?](?:\s|$)", ellipsis.group(1)[:-3]):
        return ellipsis.group(1).strip(), text[ellipsis.end():]  # "Tribe looks on as rainforest burns... These images …"
    for m in _AGENCY_CREDIT.finditer(text, 0, words[-1].end()):
        # "… wants to change that Washington (CNN) Toy gun …": an agency's dateline, even after a stop
        if m.start() > 0 and len(text[:m.start()].split()) >= 4 and outlets().canonical(m.group("agency")):
            return text[:m.start()].strip(), text[m.start():]
    first = re.match(r"[^.!?]{10,200}[?!](?=\s+[A-Z])", text)
    if first and len(first.group().split()) <= 20:
        return first.group().strip(), text[first.end():].strip()
    titles = _office_titles()
    for k in range(3, min(len(words) - 2, 30)):
        prev, word, nxt = words[k - 1].group(), words[k].group(), words[k + 1].group()
        if _ends_sentence(prev):
            break
        if word.lower() in titles and nxt[:1].isupper() and prev[:1].islower() and prev.lower() not in _SMALL_WORDS \
                and not re.search(r"[,;:]$", prev):
            return text[:words[k].start()].strip(), text[words[k].start():]
    caps = 0
    for k, w in enumerate(words[:-1]):
        word = w.group()
        if _ends_sentence(word) and not (
                caps >= 3 and all(v.group()[:1].isupper() or v.group().lower() in _SMALL_WORDS for v in words[k + 1:k + 5])):
            break  # a sentence ended first (a Title Case headline of two sentences goes on): no headline here
        if word[:1].isupper() or word.lower() in _SMALL_WORDS or not word[:1].isalpha():
            caps += word[:1].isupper()
            nxt = words[k + 1].group()
            if k >= 4 and caps >= 4 and word[:1].isupper() and nxt[:1].islower() and nxt.lower() not in _SMALL_WORDS \
                    and words[k - 1].group()[:1].isupper() and not re.search(r"[.!?,:;]$", words[k - 1].group()):
                k = _subject_start(words, k)  # "… Climate Report White House Press Secretary Sarah | Sanders dismissed"
                return text[:words[k].start()].strip(), text[words[k].start():]
            continue
        # the run ended at a lower-case word: a sentence opener just before it starts the body
        # ("… Nuclear Power | Among the 2020 presidential candidates", "… Next Debate | But the … senator's")
        if caps >= 4 and k >= 6:
            for b in range(k - 1, max(k - 5, 4), -1):
                if words[b].group() in _TITLE_STARTERS and words[b - 1].group()[:1].isupper() \
                        and not re.search(r"[,;:]$", words[b - 1].group()):
                    return text[:words[b].start()].strip(), text[words[b].start():]
        break
    # a sentence-case headline glued to a sentence that starts with an article or a function word:
    # "… blocks Keystone XL pipeline A federal judge blocked …" (a capital "A"/"The" after a lower-case
    # word without punctuation starts a sentence; not after "the film", "titled" …)
    for k in range(4, min(len(words) - 1, 30)):
        prev, word = words[k - 1].group(), words[k].group()
        if _ends_sentence(prev):
            break
        if word in _GLUE_STARTERS and (re.search(r"[a-z0-9]$", prev) or (re.search(r"[a-z0-9][’'\"”]$", prev)
                                                                     and prev[:1].islower())) and prev.lower() not in _SMALL_WORDS \
                and prev.lower() not in _NAMING_WORDS and words[k + 1].group()[:1].isalpha():
            return text[:words[k].start()].strip(), text[words[k].start():]
    return _office_after_modifier(text, words, titles)


def _office_after_modifier(text: str, words: list, titles: frozenset) -> tuple[str, str] | None:
    """The last try of `split_glued_headline`: one or two plain capitalised words and an office title
    with a name after a lower-case word start the body ("… causing climate change | Energy Secretary
    Rick Perry, veering …"; not "… going to drown Mar-a-Lago President …": a hyphenated name)."""
    for k in range(3, min(len(words) - 4, 30)):
        prev = words[k - 1].group()
        if _ends_sentence(prev):
            return None
        if not (prev[:1].islower() and prev.lower() not in _SMALL_WORDS and not re.search(r"[,;:]$", prev)):
            continue
        run = [w.group() for w in words[k:k + 4]]
        for t in (1, 2):
            if run[t].lower() in titles and all(re.fullmatch(r"[A-Z][a-z]+|[A-Z]{2,3}|(?:[A-Z]\.){2,}", r) for r in run[:t]) \
                    and run[t + 1][:1].isupper():
                return text[:words[k].start()].strip(), text[words[k].start():]
    return None


#: Words that may stand before a person's name in the subject that opens a body ("Democratic New York Rep.").
_SUBJECT_WORDS = frozenset("""democratic republican democrat gop freshman former press white house senate us u.s.
    new york comedian activist billionaire liberal conservative labour independent green""".split())


def _subject_start(words: list, k: int) -> int:
    """Index of the first word of the name the body opens with, when a Title Case headline runs into
    it: from word ``k`` (the last capitalised word before the body's first lower-case word) back over
    given names, initials, office titles and party, place or role words ("Democratic New York Rep.
    Alexandria | Ocasio-Cortez's claim …"), and over a count before them ("Two Republican House | members");
    at least three words stay in the headline."""
    from .resources import given_name_genders

    given, titles = given_name_genders(), _office_titles()
    start = k
    while start > 3:
        prev = words[start - 1].group()
        low = prev.lower().strip("\"“”'’")
        if re.search(r"[,;:!?\"”]$", prev) or (prev.endswith(".") and low not in titles and not re.fullmatch(r"[A-Z]\.", prev)):
            break
        if not (low in given or low in titles or low in _SUBJECT_WORDS or re.fullmatch(r"[A-Z]\.", prev)):
            break
        start -= 1
    if start > 4 and start < k + 1 and words[start - 1].group() in _COUNT_WORDS:
        return start - 1  # a counted group: "… Bound To Fail | Two Republican House members have signed …"
    # the subject needs a name in it: a headline never ends with the given name of the body's subject
    return start if start < k and words[k - 1].group().lower() in given else k


#: "Washington (CNN)", "(Reuters)": an agency's credit that opens the body of a flattened text.
_AGENCY_CREDIT = re.compile(r"(?:(?<=\s)[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?(?:,\s[A-Z][A-Za-z.]+)?\s)?"
                            r"\((?P<agency>[A-Z][A-Za-z]+)\)(?=\s)")
#: Counts that open a noun phrase: before party or institution words they start the body's subject.
_COUNT_WORDS = frozenset("Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Dozens Hundreds Several Both".split())
#: Sentence openers that end a Title Case run when lower-case words follow them.
_TITLE_STARTERS = frozenset("""But Among Since Although Though Despite During After When While As It This These
    Those Nearly Some Many Most""".split())
#: Words that only start a sentence with a capital.
_GLUE_STARTERS = frozenset("A An The It In On At As After When While This These Those Its For With But If".split())
#: Words after which a capitalised "The" names a work ("the film The Post").
_NAMING_WORDS = frozenset("film movie book novel show series song album newspaper magazine titled called dubbed named".split())


_DEK_AUX = frozenset("is are was were has have had isn't aren't wasn't weren't hasn't haven't hadn't it's there's "
                     "i we you it".split())
_DEK_SUBORDINATORS = frozenset("whether that if as while because when who which".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _is_dek(line: str, following: str) -> bool:
    """``line`` (under a headline that ends with a stop, PolNeAR's archive style) is a second headline
    line in headline style, the Washington Post's dek: one sentence of 4–25 words ending with a stop,
    before a body paragraph of at least 20 words and twice its length, written as headlines are: no
    article in its first eight words and at most one in all, no auxiliary or it/I/we/you before a
    subordinate clause, no weekday, no two capitalised words in a row (a full name), not opening with
    a given name or "If"/"Now"/"When"
    ("Language unclear on whether single mothers are covered, experts say."; not "Ted Cruz has won the
    Wisconsin primary, according to three networks.")."""
    from .resources import given_name_genders

    words = line.split()
    low = [w.lower().strip("\"“”‘’'.,;:!?()").replace("’", "'") for w in words]
    if not 4 <= len(words) <= 25 or not line.endswith(".") or len(re.findall(r"[.!?](?:\s|$)", line)) != 1:
        return False
    if not (line[:1].isupper() or line[:1].isdigit()) or line.isupper() \
            or len(following.split()) < max(20, 2 * len(words)):  # "2013 FOIA reply reported …" may open a dek
        return False
    articles = [w in ("the", "a", "an") for w in low]
    if any(articles[:8]) or sum(articles) > 1 or set(low) & _WEEKDAYS:
        return False
    if low[0] in given_name_genders() or low[0] in ("if", "now", "when", "since", "because"):
        return False
    if any(a[:1].isupper() and b[:1].isupper() for a, b in zip(words, words[1:])):
        return False  # a full name ("Tashfeen Malik passed …"): headlines use surnames
    for w in low:
        if w in _DEK_SUBORDINATORS:
            break
        if w in _DEK_AUX:
            return False
    return True


@lru_cache(maxsize=1)
def _office_titles() -> frozenset[str]:
    """Office titles that stand before a name ("President", "Sen.", "Gov."), from ``data/titles.txt``."""
    lines = (DATA_DIR / "titles.txt").read_text(encoding="utf-8").splitlines()
    out = {ln.split("\t")[0] for ln in lines if ln.strip() and not ln.startswith("#") and "\t" in ln}
    return frozenset(t for t in out if " " not in t and t not in ("mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"))


_DISPLACED = re.compile(r'(?<=[.!?,])" (?=[A-Z0-9])')


def repair_quotes(paragraph: str) -> list[str]:
    """Undo a lost paragraph break that moved an opening quotation mark before the space: the paragraph's pieces.

    Texts whose paragraph breaks were lost read ``…the country." My action …," Trump said``: the
    mark that opened the next paragraph's quote sticks to the previous sentence. A straight mark
    right after a sentence's end and before a space and a capital is such an opener when the next
    straight mark also stands in closing position (after , . ! or ?) — two closers in a row cannot
    both close. The paragraph is cut there and the mark opens the next piece (``country.`` /
    ``"My action …``), so a quote continued over paragraphs runs to its piece's end, as in print.
    Only whitespace moves, so offsets into the raw text still map (`text.RawMap`). Curly marks say
    their direction and are left alone. A paragraph without the pattern comes back as it was.
    """
    if '"' not in paragraph:
        return [paragraph]
    pieces, last = [], 0
    for m in _DISPLACED.finditer(paragraph):
        q = paragraph.find('"', m.end())
        if q > 0 and paragraph[q - 1] in ",.!?" and (q + 1 == len(paragraph) or paragraph[q + 1] == " ") \
                and paragraph[m.start() - 1] != ",":
            pieces.append(paragraph[last:m.start()])
            last = m.start()
            paragraph = paragraph[:m.start()] + paragraph[m.start():m.end()].replace('" ', ' "') + paragraph[m.end():]
    pieces.append(paragraph[last:])
    return [p.strip() for p in pieces if p.strip()]


def assemble(blocks: list[Block], fmt: str, source: str, meta: dict | None = None) -> Article:
    """Blocks → Article: header fields, body paragraphs and furniture (verbatim, in order)."""
    meta = meta or {}
    rules = furniture_rules()
    known = outlets()
    removed: list[tuple[float, str]] = []  # (position, verbatim text): sorted into reading order
    article = Article(source=source, format=fmt)
    article.title = str(meta.get("title") or "").strip()
    article.dek = str(meta.get("description") or meta.get("dek") or meta.get("subtitle") or "").strip()
    author = meta.get("author") or meta.get("byline") or meta.get("authors") or ""
    article.byline = _join_authors("; ".join(author) if isinstance(author, list) else str(author))
    article.url = str(meta.get("url") or "").strip()
    article.date = str(meta.get("date") or "").strip()
    site = str(meta.get("sitename") or meta.get("outlet") or meta.get("publication") or meta.get("source") or "").strip()
    article.outlet = known.canonical(site) or site or known.from_domain(article.url or str(meta.get("hostname") or ""))

    # 1. Lines that are furniture wherever they stand (credits, ads, pictures).
    kept: list[tuple[int, Block]] = []
    removed_blocks: list[tuple[int, Block]] = []
    for pos, block in enumerate(blocks):
        if block.kind == "image" or (rules.line and rules.line.search(block.text)) or _SECTION_LABEL.match(block.text):
            removed.append((pos, block.raw))
            removed_blocks.append((pos, block))
        elif block.text:
            kept.append((pos, block))

    # 2. Header: headline, dek, byline (possibly glued to the first paragraph). Date lines in the
    # header ("Feb. 9, 2026", "Updated 5:02 p.m. ET") give the date and are removed.
    dates = {pos: b for pos, b in removed_blocks if pos < HEADER_WINDOW + 2 and is_dateline(b.text)}
    for pos, b in kept[:HEADER_WINDOW + 2]:
        if is_dateline(b.text):
            dates[pos] = b
            removed.append((pos, b.raw))
    if dates and not article.date:  # the page's metadata wins; the lines are furniture either way
        article.date = " | ".join(plain_date(dates[pos].text) for pos in sorted(dates))
    # header lines in page order (other furniture left out), to see what stands beside a date line
    order = sorted({pos for pos, _ in kept} | set(dates))
    kept = [(pos, b) for pos, b in kept if pos not in dates]

    def next_to_date(pos: int) -> bool:
        k = order.index(pos)
        return any(0 <= k + d < len(order) and order[k + d] in dates for d in (-1, 1))

    # a flattened text (one line, no title from metadata): its headline may be glued to the body
    if fmt == "text" and len(kept) == 1 and not article.title and (glued_title := split_glued_headline(kept[0][1].text)):
        article.title = glued_title[0]
        kept = [(kept[0][0], Block(glued_title[1], glued_title[1]))]
    i = 0
    if kept and kept[0][1].kind == "heading" and (fmt == "markdown" or _same(kept[0][1].text, article.title)):
        article.title = article.title or kept[0][1].text
        i = 1
    elif kept and article.title and _same(kept[0][1].text, article.title):
        i = 1
    window = range(i, min(i + HEADER_WINDOW, len(kept)))
    byline_at, byline = next(((j, b) for j in window if (b := parse_byline(kept[j][1].text))), (None, None))
    if byline is None and (article.title or (kept and _looks_like_headline(kept[i][1].text, [b.text for _, b in kept[i + 1:i + 3]])
                                             if i < len(kept) else False)):
        # a byline without "By", right after the headline or a one-line dek
        given = _given_names()
        first = i if article.title else i + 1
        for j in range(first, min(first + 3, len(kept))):  # after a section label, headline and dek at most
            if len(kept[j - 1][1].text.split()) > 60:
                break  # a body paragraph came first: no header here
            if (b := parse_bare_byline(kept[j][1].text, given, next_to_date(kept[j][0]))) is not None:
                byline_at, byline = j, b
                break
    glued: Block | None = None
    if byline is not None:
        header = [b for _, b in kept[i:byline_at]]
        if not article.title and header:
            while len(header) >= 3 and len(header[0].text.split()) <= 5:  # section labels above the headline
                removed.append((kept[i][0], header.pop(0).raw))
                i += 1
            article.title = header.pop(0).text
        if header:
            if not article.dek or any(_same(b.text, article.dek) for b in header):
                article.dek = " ".join(b.text for b in header)
            else:
                removed.extend((kept[i + k][0], b.raw) for k, b in enumerate(header))
        article.byline = byline.byline or article.byline
        article.outlet = byline.outlet or article.outlet
        article.url = byline.url or article.url
        article.date = article.date or plain_date(byline.date)
        if byline.rest:
            glued = Block(byline.rest, byline.rest)
        body = kept[byline_at + 1:]
        # "BBC News, White House" under the names: the outlet (and desk) of the byline
        if body and not byline.outlet and len(body[0][1].text.split()) <= 8 and not re.search(r"[.!?]$", body[0][1].text):
            outlet, rest = split_outlet(body[0][1].text)
            if known.canonical(outlet) and not re.search(r"[.!?]", rest):
                article.outlet = known.canonical(outlet)
                removed.append((body[0][0], body[0][1].raw))
                body = body[1:]
    else:
        if not article.title and len(kept) > i + 1 and (
                kept[i][1].kind == "heading" or (fmt != "html" and kept[i][1].kind == "para"
                                                         and _looks_like_headline(kept[i][1].text, [b.text for _, b in kept[i + 1:i + 3]]))):
            article.title = kept[i][1].text
            i += 1
            if article.title.endswith(";") and len(kept) > i + 1 and _looks_like_headline(kept[i][1].text, [kept[i + 1][1].text]):
                article.dek = article.dek or kept[i][1].text  # "Super PAC haul surges past $1B;" / "Small group …"
                i += 1
            elif article.title.endswith(".") and len(kept) > i + 1 and _is_dek(kept[i][1].text, kept[i + 1][1].text):
                article.dek = article.dek or kept[i][1].text  # "Mixed messages on Trump leave plan." / "Language unclear …"
                i += 1
        # A dek: Markdown marks it (## heading or an emphasised line); HTML names it (description).
        if len(kept) > i + 1 and (kept[i][1].kind in ("emphasis",) or (kept[i][1].kind == "heading" and fmt == "markdown")):
            article.dek = article.dek or kept[i][1].text
            i += 1
        elif len(kept) > i + 1 and article.dek and _same(kept[i][1].text, article.dek):
            i += 1
        body = kept[i:]

    # A dateline broken over lines at the top of the body ("Washington" / "CNN" / "—"): short
    # lines ending with a dash-only or outlet-only line.
    top = 0
    while top < min(4, len(body)) and len(body[top][1].text.split()) <= 3 and not re.search(r"[.!?]$", body[top][1].text):
        top += 1
    if 0 < top < len(body) and (re.fullmatch(r"[—–-]+", body[top - 1][1].text.strip())
                                or (top > 1 and known.canonical(body[top - 1][1].text.strip()))):
        removed.extend((pos, b.raw) for pos, b in body[:top])
        body = body[top:]

    # 3. Boxes: a heading such as "Our Coverage of …" or "Related stories" and the items right after
    # it: bullets, or short lines that do not end like a sentence (the linked headlines).
    furniture_at: set[int] = set()
    k = 0
    while k < len(body):
        pos, block = body[k]
        if rules.box and block.kind != "bullet" and len(block.text.split()) <= 15 and rules.box.search(block.text):
            furniture_at.add(k)
            k += 1
            while k < len(body) and (body[k][1].kind == "bullet" or _heading_like(body[k][1])):
                furniture_at.add(k)
                k += 1
            continue
        k += 1

    # 4. The end of the body: a closing section ("What readers are saying" and what follows it,
    # when that is under a quarter of the body's words), notes ("… contributed reporting"), and
    # bulleted link lists.
    end = len(body)
    if rules.end:
        words = [len(b.text.split()) for _, b in body]
        for k in range(1, len(body)):
            if len(body[k][1].text.split()) <= 12 and rules.end.search(body[k][1].text) \
                    and sum(words[k:]) * 4 < sum(words):
                furniture_at.update(range(k, len(body)))
                end = k
                break
    while end > 0:
        if end - 1 in furniture_at:
            end -= 1
            continue
        block = body[end - 1][1]
        if rules.tail and block.kind != "bullet" and rules.tail.search(block.text):
            furniture_at.add(end - 1)
            end -= 1
            continue
        if _heading_like(block):
            # a closing box of short lines: "Explore more on these topics" / "Ukraine" / "Russia" / …,
            # "Related" / "Ukraine war: What we know" / …
            start = end - 1
            while start > 0 and body[start - 1][1].kind != "bullet" and start - 1 not in furniture_at \
                    and not (rules.box and rules.box.search(body[start - 1][1].text)) and _heading_like(body[start - 1][1]):
                start -= 1
            if start > 0 and rules.box and rules.box.search(body[start - 1][1].text):
                furniture_at.update(range(start - 1, end))
                end = start - 1
                continue
        if block.kind == "bullet":
            start = end
            while start > 0 and body[start - 1][1].kind == "bullet" and start - 1 not in furniture_at:
                start -= 1
            links = all(body[m][1].link_only for m in range(start, end))
            headed = start > 0 and start - 1 not in furniture_at and _heading_like(body[start - 1][1])
            if headed or links:
                first = start - 1 if headed else start
                furniture_at.update(range(first, end))
                end = first
                continue
        break
    paragraphs = [] if glued is None else [glued.text]
    for k, (pos, block) in enumerate(body):
        if k in furniture_at:
            removed.append((pos, block.raw))
        else:
            pieces, cut = cut_inline_furniture(block.text, rules)
            paragraphs.extend(pieces)
            removed.extend((pos, text) for text in cut)
    removed.sort(key=lambda item: item[0])
    article.paragraphs = [piece for p in (" ".join(p.split()) for p in paragraphs) if p for piece in repair_quotes(p)]
    if not article.outlet and article.paragraphs:  # a wire dateline names the agency: "MOSCOW, March 4 (Reuters) -"
        dateline = wire_dateline(article.paragraphs[0])
        if dateline and dateline.group("agency") and known.canonical(dateline.group("agency")):
            article.outlet = known.canonical(dateline.group("agency"))
    article.furniture = [text for _, text in removed]
    return article


def load_article(path_or_text, *, format: str | None = None) -> Article:  # noqa: A002 - the user's word
    """Read one article from a path or from its text.

    Args:
        path_or_text: a ``Path``; a ``str`` path; or the article text itself (a ``str`` with a
            newline, longer than 300 characters, or naming no existing file); or ``bytes``;
            an `Article` is returned unchanged.
        format: "text", "markdown" or "html" to skip detection (default: from suffix, else sniffed).

    Returns:
        `Article` with title, dek, byline, outlet, url, date, paragraphs (the analysed body) and
        furniture (every removed line, verbatim, in reading order); ``warnings`` lists non-fatal
        problems (e.g. the text does not look English).

    Raises:
        InputError: one line naming the file and the problem: missing file, a directory, empty or
            binary file, an HTML page without article text, a text with nothing but furniture.
    """
    if isinstance(path_or_text, Article):
        return path_or_text
    suffix, encoding, notes = "", "", []
    if isinstance(path_or_text, bytes):
        source = "<bytes>"
        text, encoding, notes = decode_with_notes(path_or_text, source)
    elif isinstance(path_or_text, os.PathLike) or (isinstance(path_or_text, str) and not _is_text_argument(path_or_text)):
        path = Path(path_or_text).expanduser()
        source = str(path)
        suffix = path.suffix
        text, encoding, notes = decode_with_notes(read_bytes(path), source)
    elif isinstance(path_or_text, str):
        source = "<text>"
        text = path_or_text
        if not text.strip():
            raise InputError(source, "empty text")
    else:
        raise InputError("<input>", f"expected a path or the article text, got {type(path_or_text).__name__}")
    controls = control_count(text)
    if controls:
        notes.append(f"{controls} control character(s) or terminal escape(s) removed")
    text = _normalize(text)
    fmt = format or detect_format(text, suffix)
    if fmt not in ("text", "markdown", "html"):
        raise InputError(source, f"unknown format {fmt!r} (use text, markdown or html)")
    meta: dict = {}
    if fmt == "html":
        blocks, meta = html_blocks(text, source)
    elif fmt == "markdown":
        blocks, meta = markdown_blocks(text)
    else:
        blocks = text_blocks(text)
    article = assemble(blocks, fmt, source, meta)
    article.encoding = encoding
    article.warnings[:0] = notes
    if fmt == "html" and article.words < MIN_HTML_WORDS:
        raise InputError(source, "no article text found in this HTML page")
    if not article.paragraphs:
        what = "only page furniture" if article.furniture else "only a headline" if article.title else "nothing to read"
        raise InputError(source, f"no article text found ({what})")
    if not re.search(r"[^\W\d_]{2}", article.body):
        raise InputError(source, "no words to analyse (the text has no letters: only symbols, emoji or numbers)")
    lost = article.body.count("\ufffd")
    if lost:
        article.warnings.append(f"{lost} character(s) could not be decoded and show as \ufffd")
    share, n_words = english_share(article.body)
    if n_words >= ENGLISH_MIN_WORDS and share < ENGLISH_MIN_SHARE:
        article.warnings.append(
            f"text does not look like English (share of common English words {share:.2f}); results will be unreliable")
    return article
