"""Text files' bytes to text: which encoding, and what is not text at all.

UTF-8 (BOM optional) and UTF-16/UTF-32 with a BOM are what the CLI contract promises.
Beyond that, what newsroom files really are: UTF-16 without a BOM (Windows "Unicode"
exports, recognised by their NUL bytes), Windows-1256 Arabic and Windows-1258
Vietnamese (converted, with a note), and "mojibake" -- UTF-8 once read with the wrong
code page and saved again ("Ù…Ø±Ø­Ø¨Ø§" for مرحبا), repaired when no byte was lost,
refused when one was.  Images, PDFs, programs and archives are recognised by their
first bytes and refused with a message that says what the file is and what to do.
"""

from __future__ import annotations

import re
import unicodedata

from workbench.errors import DocumentError
from workbench.reading.unsafe_characters import CONTROL_RE

#: Leading bytes of formats people upload by mistake: (magic, what it is, what to do).
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF", "a PDF document", "copy its text into a .txt file or export it as Word (.docx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Word/Excel file (.doc/.xls)",
     "open it in Word and save it as .docx"),
    (b"{\\rtf", "an RTF document", "open it in Word and save it as .docx or as UTF-8 text"),
    (b"\x89PNG", "a PNG image", "upload the article's text, not a picture of it"),
    (b"\xff\xd8\xff", "a JPEG image", "upload the article's text, not a picture of it"),
    (b"GIF87a", "a GIF image", "upload the article's text, not a picture of it"),
    (b"GIF89a", "a GIF image", "upload the article's text, not a picture of it"),
    (b"II*\x00", "a TIFF image", "upload the article's text, not a picture of it"),
    (b"MM\x00*", "a TIFF image", "upload the article's text, not a picture of it"),
    (b"\x7fELF", "a program (ELF executable)", "choose the article's text file"),
    (b"\x1f\x8b", "a gzip archive", "unpack it and choose the text file inside"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it and choose the text file inside"),
    (b"Rar!\x1a\x07", "a RAR archive", "unpack it and choose the text file inside"),
    (b"SQLite format 3\x00", "a database file", "choose the article's text file"),
    (b"OggS", "an audio file", "choose the article's text file"),
    (b"ID3\x03", "an MP3 audio file", "choose the article's text file"),
    (b"ID3\x04", "an MP3 audio file", "choose the article's text file"),
)
# Latin with Vietnamese letters, Arabic and its presentation forms, general punctuation.
_EXPECTED_SCRIPT = re.compile(
    "[\u0000-\u024f\u0300-\u036f\u0600-\u06ff\u0750-\u077f\u1e00-\u1eff"
    "\u2000-\u206f\ufb50-\ufdff\ufe70-\ufeff]"
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LETTER = re.compile(r"[^\W\d_]")


def _note(notes: list[str], note: str) -> None:
    if note not in notes:
        notes.append(note)


# ----------------------------------------------------------------------------- bytes


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def refuse_known_binary(data: bytes, name: str) -> None:
    """Raise if the bytes start like an image, PDF, program or archive."""
    for magic, what, todo in _MAGIC:
        if data.startswith(magic):
            raise DocumentError(f"{name}: this is {what}, not text; {todo}.")
    if data[:2] == b"MZ" and b"\x00" in data[:64]:
        raise DocumentError(f"{name}: this is a Windows program, not text; choose the article's text file.")


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text with no BOM, recognised by NUL bytes all on one side of each pair.

    Every space, digit and Latin letter in UTF-16 has a NUL high byte, so LE text has
    NULs at odd offsets only and BE text at even offsets only; binary files have them
    everywhere.
    """
    if len(data) % 2:
        return None
    sample = data[:8192]
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for nuls, stray, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls >= max(2, half // 50) and stray <= nuls // 20:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            head = text[:20000]
            if (len(CONTROL_RE.findall(head)) <= len(head) // 100
                    and _expected_script_share(head) >= 0.8):
                return text, codec
    return None


def _expected_script_share(text: str) -> float:
    """Share of characters in the scripts a Vietnamese or Arabic article uses.

    UTF-8 text with stray NUL bytes can pass for UTF-16 by its NUL pattern; decoded as
    UTF-16 it becomes CJK-looking noise ("00" -> U+3030), which this rejects.
    """
    if not text:
        return 0.0
    return sum(1 for ch in text if _EXPECTED_SCRIPT.match(ch)) / len(text)


def _arabic_share(text: str) -> float:
    letters = len(_LETTER.findall(text))
    return len(_ARABIC_LETTER.findall(text)) / letters if letters else 0.0


def _legacy_decode(data: bytes, notes: list[str]) -> tuple[str, str] | None:
    """Windows-1256 Arabic or Windows-1258 Vietnamese, if the bytes clearly are that."""
    text = data.decode("cp1256")  # every byte is defined in cp1256
    if _arabic_share(text) >= 0.6:
        _note(notes, "converted from Windows-1256 (Arabic) to Unicode; save the file as UTF-8 next time.")
        return text, "cp1256"
    from workbench.reading.language import detect_language

    text = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    if "\ufffd" not in text:
        language, confidence = detect_language(text)
        if language == "vi" and confidence >= 0.5:
            _note(notes, "converted from Windows-1258 (Vietnamese) to Unicode; save the file as UTF-8 next time.")
            return text, "cp1258"
    return None


def decode(data: bytes, name: str, notes: list[str] | None = None) -> tuple[str, str]:
    """``(text, encoding)`` of a text file's bytes; notes on conversions go to ``notes``.

    Raises :class:`DocumentError` naming ``name`` for empty, binary and undecodable files.
    """
    notes = notes if notes is not None else []
    if not data.strip():
        raise DocumentError(f"{name}: the file is empty; choose a file with text in it.")
    broken: tuple[str, UnicodeDecodeError, int] | None = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec
            except UnicodeDecodeError as exc:
                # FF FE 00 00 is the UTF-32-LE mark and also UTF-16-LE text starting with
                # U+0000: try the shorter mark before calling the file broken
                broken = broken or (codec, exc, len(bom))
    if broken is not None:
        codec, exc, skipped = broken
        raise DocumentError(
            f"{name}: the file says it is {codec.upper()} but byte {exc.start + skipped} "
            "is broken; save it again as UTF-8."
        ) from exc
    refuse_known_binary(data, name)
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is not None:
            _note(notes, "read as UTF-16 without a byte-order mark; save the file as UTF-8 next time.")
            return found
        raise DocumentError(
            f"{name}: this looks like a binary file, not text (it contains NUL bytes); "
            "save the article as UTF-8 text (.txt), Word (.docx) or HTML."
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        legacy = _legacy_decode(data, notes)
        if legacy is not None:
            return legacy
        raise DocumentError(
            f"{name}: not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at position {exc.start}, "
            f"line {_line_of(data, exc.start)}); save the file as UTF-8 or UTF-16 with a BOM."
        ) from exc


# --------------------------------------------------------------------------- mojibake

# cp1252's printable characters in 0x80-0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ).
_CP1252_HIGH = {bytes([b]).decode("cp1252"): b for b in range(0x80, 0xA0)
                if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _chars(codepage: str, low: int, high: int) -> str:
    """The characters bytes low..high become when read as ``codepage`` (C1 if undefined)."""
    out = []
    for byte in range(low, high + 1):
        try:
            out.append(bytes([byte]).decode(codepage))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


# A UTF-8 lead byte then a continuation byte, as a cp1252 or cp1256 reader shows them
# (Ã¡, Ø±, á»‡; ط±, ظ…): texts with a few of these are worth trying to repair.
_LATIN_MOJIBAKE = f"[{re.escape(_chars('cp1252', 0xC2, 0xF4))}][{re.escape(_chars('cp1252', 0x80, 0xBF))}\ufffd]"
_LATIN_MOJIBAKE_RE = re.compile(_LATIN_MOJIBAKE)
_MOJIBAKE_HINT = re.compile(
    _LATIN_MOJIBAKE + f"|[{re.escape(_chars('cp1256', 0xC2, 0xF4))}][{re.escape(_chars('cp1256', 0x80, 0xBF))}]"
)


def _latin1_or_cp1252(text: str) -> bytes | None:
    """Bytes that a cp1252/latin-1 reader turned into ``text`` (C1 bytes pass through)."""
    out = bytearray()
    for ch in text:
        code = ord(ch)
        if code < 256:
            out.append(code)
        elif ch in _CP1252_HIGH:
            out.append(_CP1252_HIGH[ch])
        else:
            return None
    return bytes(out)


def repair_mojibake(text: str) -> tuple[str, str] | None:
    """UTF-8 text that was once decoded with the wrong code page and saved again.

    "Ù…Ø±Ø­Ø¨Ø§" is مرحبا read as Windows-1252; "ظ…ط±ط­ط¨ط§" the same read as
    Windows-1256.  Returns the repaired text and the code page, or None.  Real
    Vietnamese or Arabic almost never survives the round trip (its bytes are not valid
    UTF-8), so a text that does is repaired.
    """
    if len(_MOJIBAKE_HINT.findall(text[:100_000])) < 3:
        return None
    for codec in ("cp1252", "cp1256"):
        if codec == "cp1252":
            data = _latin1_or_cp1252(text)
        else:
            try:
                data = text.encode("cp1256")
            except UnicodeEncodeError:
                data = None
        if data is None:
            continue
        try:
            fixed = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if fixed != text and sum(ord(c) > 127 for c in fixed) >= 3:
            return fixed, codec
    return None


def refuse_garbled(text: str, name: str) -> None:
    """Refuse text garbled beyond repair (mojibake with lost bytes, "Ä�áº¡i")."""
    sample = text[:100_000]
    garbled = _LATIN_MOJIBAKE_RE.findall(sample)
    if len(garbled) >= 10 and len(garbled) >= len(sample) // 50:
        shown = ", ".join(dict.fromkeys(garbled[:6]))
        raise DocumentError(
            f"{name}: the text is garbled ({shown} ...): it was saved after being read with the "
            "wrong encoding and cannot be repaired; open the original file and save it as UTF-8."
        )


