"""Recognising Vietnamese text typed in the legacy TCVN3 (ABC) and VNI encodings.

Such text reaches us as Latin-1/cp1252 "mojibake": "B¸o c¸o" (TCVN3) or "Baùo caùo" (VNI).
Detection works per block and per word: a word is evidence for an encoding when, read as it is,
it is not a Vietnamese syllable, but decoded with that encoding's table it is one. Normal
Vietnamese (whose words are valid syllables already), symbols (¼, °, ©) and foreign names give no
evidence, so they are never flagged. `decode_tcvn3` / `decode_vni` convert a string (for previews).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# --- tables -----------------------------------------------------------------------------------

# TCVN3 (TCVN 5712:1993, "ABC"): byte (seen as the Latin-1 character) -> Unicode letter.
_TCVN3_PAIRS = (
    "¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ ¨ă ©â ªê «ô ¬ơ \xadư ®đ "
    "µà ¶ả ·ã ¸á ¹ạ »ằ ¼ẳ ½ẵ ¾ắ Æặ Çầ Èẩ Éẫ Êấ Ëậ "
    "Ìè Îẻ Ïẽ Ðé Ñẹ Òề Óể Ôễ Õế Öệ ×ì Øỉ Üĩ Ýí Þị "
    "ßò áỏ âõ ãó äọ åồ æổ çỗ èố éộ êờ ëở ìỡ íớ îợ "
    "ïù ñủ òũ óú ôụ õừ öử ÷ữ øứ ùự úỳ ûỷ üỹ ýý þỵ"
)
TCVN3: dict[str, str] = {p[0]: p[1] for p in _TCVN3_PAIRS.split()}

# VNI-Windows: a base letter followed by a mark character (lower and upper case variants).
_TONE = {"acute": "\u0301", "grave": "\u0300", "hook": "\u0309", "tilde": "\u0303", "dot": "\u0323"}
_CIRC, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
_VNI_MARKS_LOWER = {
    "ù": _TONE["acute"], "ø": _TONE["grave"], "û": _TONE["hook"], "õ": _TONE["tilde"], "ï": _TONE["dot"],
    "â": _CIRC, "á": _CIRC + _TONE["acute"], "à": _CIRC + _TONE["grave"], "å": _CIRC + _TONE["hook"],
    "ã": _CIRC + _TONE["tilde"], "ä": _CIRC + _TONE["dot"],
    "ê": _BREVE, "é": _BREVE + _TONE["acute"], "è": _BREVE + _TONE["grave"], "ú": _BREVE + _TONE["hook"],
    "ü": _BREVE + _TONE["tilde"], "ë": _BREVE + _TONE["dot"],
    "î": _TONE["dot"],  # only after y: "yî" = ỵ
}
VNI_MARKS: dict[str, str] = {**_VNI_MARKS_LOWER, **{k.upper(): v for k, v in _VNI_MARKS_LOWER.items()}}
# Stand-alone letters of VNI (they replace a letter rather than follow one).
VNI_LETTERS: dict[str, str] = {
    "ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
    "ì": "ì", "Ì": "Ì", "í": "í", "Í": "Í", "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị",
}
_VNI_HIGH = set(VNI_MARKS) | set(VNI_LETTERS)
_TCVN3_HIGH = set(TCVN3)


def decode_tcvn3(text: str, upper: bool = False) -> str:
    out = "".join(TCVN3.get(ch, ch) for ch in text)
    return out.upper() if upper else out


def decode_vni(text: str) -> str:
    out: list[str] = []
    for ch in text:
        if ch in VNI_LETTERS and not (ch in "ôÔ" and out and out[-1] in "oO"):
            # "ô" after an "o" is the horn mark (o + ô = ơ); elsewhere it is the letter ơ itself
            out.append(VNI_LETTERS[ch])
        elif ch in VNI_MARKS and out and out[-1].isalpha():
            out.append(VNI_MARKS[ch])
        elif ch in "ôÔ" and out and out[-1] in "oO":
            out.append(_HORN)
        else:
            out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


# --- a Vietnamese syllable validator ------------------------------------------------------------

_TONE_MARKS = {"\u0300": "grave", "\u0301": "acute", "\u0309": "hook", "\u0303": "tilde", "\u0323": "dot"}
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"(uyê|uyê|oai|oay|oeo|uây|uôi|ươi|ươu|yêu|iêu|uya|iê|yê|uô|ươ|ia|ua|ưa|oa|oă|oe|uâ|uê|uy|uơ|"
    r"ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)"
    r"(ch|ng|nh|c|m|n|p|t)?$"
)


def is_syllable(word: str) -> bool:
    """True when `word` (any case, NFC or not) is a well-formed Vietnamese syllable."""
    d = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in d if c in _TONE_MARKS]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONE_MARKS))
    m = _SYLLABLE.match(base)
    if not m:
        return False
    if m.group(2) == "y" and m.group(3) and m.group(1) != "qu":
        return False  # "ynh", "yt": only "quynh" ("quỳnh") has y before a final consonant
    if m.group(3) in ("c", "ch", "p", "t") and tones and _TONE_MARKS[tones[0]] not in ("acute", "dot"):
        return False
    return True


_WORD = re.compile(r"[A-Za-z\u00a1-\u00ff\u0100-\u024f\u1ea0-\u1ef9\u0300-\u0323]+")
_PLAIN_VIET = set("àáâãèéêìíòóôõùúýăđĩũơưạ-ỹÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯ")


def _is_vietnamese_letter(ch: str) -> bool:
    return ch.isascii() or ch in _PLAIN_VIET or "\u1ea0" <= ch <= "\u1ef9"


_SUSPECT = frozenset(c for c in (_TCVN3_HIGH | _VNI_HIGH) if not _is_vietnamese_letter(c))


def suspicious(text: str) -> bool:
    """Cheap test: does the text hold a character that legacy mojibake has and Vietnamese has not?"""
    return not text.isascii() and not _SUSPECT.isdisjoint(text)


def legacy_scores(text: str) -> tuple[int, int, int]:
    """(TCVN3 evidence, VNI evidence, genuine Vietnamese words) for a piece of text."""
    t = v = good = 0
    if text.isascii():
        return 0, 0, 0
    for m in _WORD.finditer(text):
        w = m.group()
        if w.isascii():
            continue
        if not any(c.isascii() and c.isalpha() for c in w):
            continue  # a lone symbol ("¼", "©"): no evidence either way
        if len(w) > 12:
            continue
        valid = all(_is_vietnamese_letter(c) for c in w) and is_syllable(w)
        if valid:
            good += 1
            continue
        if any(c in _TCVN3_HIGH for c in w) and is_syllable(decode_tcvn3(w)):
            t += 1
        if any(c in _VNI_HIGH for c in w) and is_syllable(decode_vni(w)):
            v += 1
    return t, v, good


def detect_legacy(text: str, font_hint: str | None = None) -> str | None:
    """"TCVN3", "VNI" or None for one block of text. `font_hint` is an encoding implied by the fonts
    of the block's runs (.VnTime → TCVN3, VNI-Times → VNI); it lowers the evidence needed to one word."""
    if text.isascii() or (not font_hint and not suspicious(text)):
        return None
    t, v, good = legacy_scores(text)
    need = 1 if font_hint else 2
    best, score = ("TCVN3", t) if t >= v else ("VNI", v)
    if font_hint and font_hint in ("TCVN3", "VNI"):
        score = t if font_hint == "TCVN3" else v
        best = font_hint
    if score >= need and score > good:
        return best
    return None


@lru_cache(maxsize=256)
def font_encoding(font: str | None) -> str | None:
    """The legacy encoding a font name implies: ".VnTime" → TCVN3, "VNI-Times" → VNI."""
    if not font:
        return None
    f = font.strip()
    if f.startswith(".Vn") or f.startswith(".VN"):
        return "TCVN3"
    if re.match(r"(?i)vni[- ]", f):
        return "VNI"
    return None
