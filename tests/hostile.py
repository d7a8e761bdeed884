"""Generated hostile inputs (the shapes of issue 15) for the reliability tests.

Each generator takes a target size in bytes and returns ``(file name, bytes)``. The shapes are the
ones a probe found slow or wrong: nested quotes, one long line without punctuation, one name
repeated, one stray legacy byte, control/escape bytes after the first 64 KB, bidi marks inside
names, UTF-16 without a byte-order mark, emoji only, HTML nested thousands of elements deep.
"""
from __future__ import annotations

import random

SENTENCE = ("Vladimir Putin said on Tuesday that Russia would not stop the war, and Donald Trump "
            "urged him to agree to a ceasefire within weeks. ")


def _fill(unit: str, size: int) -> str:
    return (unit * (size // max(1, len(unit.encode("utf-8"))) + 1))[: max(size, len(unit))]


def nested_quotes(size: int) -> tuple[str, bytes]:
    unit = "He said \u2018she said \u201cthey said \u2018"
    return "nested-quotes.txt", ("Quotes\n\n" + _fill(unit, size)).encode("utf-8")


def long_line(size: int) -> tuple[str, bytes]:
    words = ["said", "Trump", "told", "Russia", "the", "war", "claimed", "officials", "stop", "urged"]
    rng = random.Random(size)
    out, n = [], 0
    while n < size:
        w = rng.choice(words)
        out.append(w)
        n += len(w) + 1
    return "long-line.txt", ("Long line\n\n" + " ".join(out)).encode("utf-8")


def repeated_name(size: int) -> tuple[str, bytes]:
    return "repeated-name.txt", ("Names\n\n" + _fill("Mr. Trump ", size)).encode("utf-8")


def stray_byte(size: int) -> tuple[str, bytes]:
    body = _fill(SENTENCE, size).encode("utf-8")
    mid = len(body) // 2
    return "stray-byte.txt", b"Putin\xe2\x80\x99s war\n\n" + body[:mid] + b" Russia\x92s army. " + body[mid:]


def control_bytes(size: int) -> tuple[str, bytes]:
    body = _fill(SENTENCE, max(size, 70_000))
    return "control-bytes.txt", ("Controls\n\n" + body + "\x00\x1b[31mred\x1b[0m \x07Kremlin said so.\x00 "
                                 + SENTENCE).encode("utf-8")


def bidi_marks(size: int) -> tuple[str, bytes]:
    unit = "Vladimir\u200e V.\u200f Putin\u202e said the war would go on. " + SENTENCE
    return "bidi.txt", ("Bidi\n\n" + _fill(unit, size)).encode("utf-8")


def utf16_no_bom(size: int) -> tuple[str, bytes]:
    return "utf16.txt", ("UTF-16\n\n" + _fill(SENTENCE, size // 2)).encode("utf-16-le")


def emoji_only(size: int) -> tuple[str, bytes]:
    return "emoji.txt", _fill("\U0001F600\U0001F525 ", size).encode("utf-8")


def nested_html(size: int) -> tuple[str, bytes]:
    """A page nested thousands of <div>s deep (attributes pad it to ``size``) around a short article."""
    depth = max(300, min(5000, size // 40))
    pad = "x" * max(0, size // depth - 20)
    body = " ".join([SENTENCE] * 12)
    page = ("<!DOCTYPE html><html><head><title>Deep page</title></head><body>" + f'<div class="{pad}">' * depth
            + f"<p>{body}</p>" + "</div>" * depth + "</body></html>")
    return "deep.html", page.encode("utf-8")


SHAPES = [nested_quotes, long_line, repeated_name, stray_byte, control_bytes, bidi_marks, utf16_no_bom,
          emoji_only, nested_html]


def repeated_name_sentences(size: int) -> tuple[str, bytes]:
    return "repeated-name-sentences.txt", ("Names\n\n" + _fill("Mr. Trump spoke to Putin. ", size)).encode("utf-8")


def many_quotes(size: int) -> tuple[str, bytes]:
    unit = "\u201cWe will stop,\u201d Mr. Trump said. \u201cNo,\u201d Putin replied, \u201cwe will not.\u201d "
    return "many-quotes.txt", ("Quotes\n\n" + _fill(unit, size)).encode("utf-8")


SHAPES += [repeated_name_sentences, many_quotes]
