"""Structure kinds: mandatory parts (thể thức), blank draft fields, the number-and-symbol line,
the header date form, report sections, heading numbering and footnote links."""

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

from ..document import Block, BlockKind, Document
from ..issues import Severity
from ..validation import FORBID, Invalid
from .base import Check, Context, Finding, register


# --- shared helpers ------------------------------------------------------------------------------


def header(ctx: Context):
    from ..profiles import read_header

    return ctx.memo("header", lambda: read_header(ctx.doc))


def looks_like_document(ctx: Context) -> bool:
    """A whole document (not a snippet): it has a type-name line, or a number or date line."""
    h = header(ctx)
    return h.title_block is not None or h.number is not None or (
        h.date is not None and (h.has_party_header or h.has_state_header))


def nonempty(doc: Document) -> list[Block]:
    """The body blocks (paragraphs, table cells) with some text that is not whitespace, up to the
    appendices: the closing parts are looked for, and findings about the body anchored, before them."""
    return [b for b in doc.main_body() if b.text and not b.text.isspace()]


# The body blocks, the recipients and the signature: found once per document for the rules that need them.

def _body(ctx: Context) -> list[Block]:
    return ctx.memo(("structure", "nonempty"), lambda: nonempty(ctx.doc))


def _recipients(ctx: Context) -> tuple[Block | None, Block | None]:
    return ctx.memo(("structure", "recipients"), lambda: find_recipients(ctx.doc, _body(ctx)))


def _signature(ctx: Context) -> tuple[Block | None, Block | None]:
    return ctx.memo(("structure", "signature"),
                    lambda: find_signature(ctx.doc, header(ctx), _body(ctx), _recipients(ctx)[0]))


def word_span(block: Block, limit: int = 80) -> tuple[int, int]:
    text = block.text
    s = len(text) - len(text.lstrip())
    e = len(text.rstrip())
    return s, min(e, s + limit) if e > s else len(text)


def _fold_slow(t: str) -> str:
    t = unicodedata.normalize("NFD", t).replace("đ", "d")
    return unicodedata.normalize("NFC", "".join(c for c in t if unicodedata.category(c) != "Mn"))


# Per-character folds, learned as characters are met (building them for every Latin letter up front cost
# a few ms of each run). A character is "safe" when its fold does not depend on its neighbours: an ASCII
# character, or one from the Latin, combining-mark or general-punctuation blocks that decomposes to one
# base character plus combining marks (Mn, all dropped) leaving a base that composes with nothing.
_FOLD_RANGES = ((0x0000, 0x0080), (0x0080, 0x0250), (0x0300, 0x0370), (0x1E00, 0x1F00), (0x2000, 0x2070))
_SAFE_FOLD: dict[str, str | None] = {}  # character -> its fold, or None when it is not safe
_FOLD_TABLE: dict[int, str] = {}  # str.translate table of the safe characters that change
_SAFE_CHARS: set[str] = set()  # the characters known safe (one C-level subset test per text)


def _learn_fold(c: str) -> str | None:
    cp = ord(c)
    if cp < 0x80:
        f: str | None = c
    elif not any(lo <= cp < hi for lo, hi in _FOLD_RANGES):
        f = None
    elif unicodedata.category(c) == "Mn":
        f = ""
    else:
        d = unicodedata.normalize("NFD", c)
        f = None
        if (unicodedata.combining(d[0]) == 0 and unicodedata.category(d[0]) != "Mn"
                and all(unicodedata.category(x) == "Mn" for x in d[1:])):
            slow = _fold_slow(c)
            if len(slow) == 1 and slow.isascii() or slow == c:
                f = slow
    _SAFE_FOLD[c] = f
    if f is not None:
        _SAFE_CHARS.add(c)
        if f != c:
            _FOLD_TABLE[cp] = f
    return f


def fold(text: str) -> str:
    """Lower case without tone marks, for keyword matching ("Hạn chế" → "han che")."""
    t = text.lower()
    chars = set(t)
    if chars <= _SAFE_CHARS:
        return t.translate(_FOLD_TABLE)  # the usual case: every character met before and safe
    known = _SAFE_FOLD
    for c in chars:
        f = known[c] if c in known else _learn_fold(c)
        if f is None:
            return _fold_slow(t)
    return t.translate(_FOLD_TABLE)  # every character safe, some just learnt


# the label "Nơi nhận:" (a colon, or nothing more on its line), not a sentence about it ("Nơi nhận văn bản …")
_NOI_NHAN = re.compile(r"^\s*[*_]*\s*Nơi\s+nhận\s*[*_]*\s*(?::|$|(?=[-–]\s))", re.IGNORECASE)
_LUU = re.compile(r"^\s*[-–+•]?\s*Lưu\b", re.IGNORECASE)
_SIGN_PREFIX = re.compile(r"^\s*(?:T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.|Q\.)\s*\S", re.IGNORECASE)
_POSITION = re.compile(
    r"^\s*(?:PHÓ\s+)?(?:BÍ\s+THƯ|CHỦ\s+TỊCH|GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG|TRƯỞNG\s+BAN|TRƯỞNG\s+PHÒNG|"
    r"THỦ\s+TRƯỞNG|CHỦ\s+NHIỆM|TRƯỞNG\s+ĐOÀN|CỤC\s+TRƯỞNG|VỤ\s+TRƯỞNG|TỔNG\s+GIÁM\s+ĐỐC|HIỆU\s+TRƯỞNG|"
    r"BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|TRƯỞNG\s+TIỂU\s+BAN|CHÁNH\s+THANH\s+TRA|TRƯỞNG\s+KHOA|"
    r"(?:CHI\s+|TỔNG\s+)?CỤC\s+TRƯỞNG|VIỆN\s+TRƯỞNG|CHÁNH\s+ÁN|TRƯỞNG\s+[A-ZĐÀ-Ỹ]+|[A-ZĐÀ-Ỹ]+\s+TRƯỞNG|"
    r"TỔNG\s+BIÊN\s+TẬP|CHÍNH\s+ỦY|CHỈ\s+HUY\s+TRƯỞNG|THƯ\s+KÝ|CHỦ\s+TỌA|CHỦ\s+TRÌ|NGƯỜI\s+LẬP(?:\s+BIỂU)?|"
    r"(?:[A-ZĐÀ-Ỹ]+\s+){2}TRƯỞNG|ỦY\s+VIÊN|UỶ\s+VIÊN|ĐẠI\s+DIỆN)\b"
)


def _is_position(text: str) -> bool:
    """A signer's position line: a known position ("GIÁM ĐỐC"), then only capitals ("GIÁM ĐỐC SỞ NỘI VỤ")."""
    m = _POSITION.match(text)
    return m is not None and not any(c.islower() for c in text[m.end():])


_NAME = re.compile(r"^\s*(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){1,5}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s*$")
_AGENCY_WORDS = re.compile(
    r"\b(?:ỦY|UỶ|UBND|HĐND|BAN|SỞ|PHÒNG|ĐẢNG\s+BỘ|CHI\s+BỘ|BỘ|CỤC|VĂN\s+PHÒNG|TRƯỜNG|HỘI|ĐOÀN|"
    r"CÔNG\s+AN|MẶT\s+TRẬN|TRUNG\s+TÂM|VIỆN|TỔNG\s+CỤC|THANH\s+TRA|TÒA\s+ÁN|KHO\s+BẠC|CHÍNH\s+PHỦ|"
    r"CÔNG\s+TY|ĐẠI\s+HỌC|KIỂM\s+TOÁN|BẢO\s+HIỂM|ĐÀI|QUỸ|NGÂN\s+HÀNG|HỢP\s+TÁC\s+XÃ|CÂU\s+LẠC\s+BỘ|"
    r"UBMTTQ|MTTQ|LĐLĐ|TAND|VKSND|BHXH|BQL|BCĐ|BCH|HLHPN|HĐND|ĐOÀN\s+TNCS)\b"
)


_COLUMNS = re.compile(r"\t+|\s{2,}|\|")


def _lines(blocks: list[Block]) -> list[tuple[Block, str]]:
    """Every non-empty line of the blocks, and of each line every column: a table cell often holds the
    whole signature block, and a text file may type "Nơi nhận" and the signature side by side on the same
    lines, separated by tabs or runs of spaces ("Nơi nhận:<tab><tab>T/M BAN THƯỜNG VỤ")."""
    out = []
    for b in blocks:
        for line in b.text.split("\n"):
            if not line.strip():
                continue
            if "\t" in line or "  " in line or "|" in line:
                out.extend((b, cell) for cell in _COLUMNS.split(line) if cell.strip())
            else:
                out.append((b, line))
    return out


_DASH_LUU = re.compile(r"[-–]\s*Lưu\b")


def find_recipients(doc: Document, body: list[Block] | None = None) -> tuple[Block | None, Block | None]:
    """The "Nơi nhận" block and the "Lưu …" block after it (within the distribution list); the last
    "Nơi nhận:" label of the body (before any appendix) when there are several.
    `body`: `nonempty(doc)` when the caller has it."""
    blocks = nonempty(doc) if body is None else body
    found = None, None
    for k, b in enumerate(blocks):
        # a line `_NOI_NHAN` matches holds "nhận" in any case (no letter of it has a special case fold), so
        # an "ậ" or "Ậ" (tested first: no lower-case copy of the many blocks without one)
        t = b.text
        if ("ậ" not in t and "Ậ" not in t) or "nhận" not in t.lower():
            continue
        for i, (_, line) in enumerate(_lines([b])):
            if _NOI_NHAN.match(line):
                found = b, None
                # the 30 lines from there on (31 blocks hold at least 30 more lines)
                for nb, nline in _lines(blocks[k:k + 31])[i:i + 30]:
                    if _LUU.match(nline) or _DASH_LUU.search(nline):
                        found = b, nb
                        break
                break
    return found


_UNSET = object()


def find_signature(doc: Document, h, body: list[Block] | None = None,
                   noi_nhan: Block | None = _UNSET) -> tuple[Block | None, Block | None]:
    """The signature block (T/M …, or the signer's position) and the signer's name after it.
    `body` and `noi_nhan`: `nonempty(doc)` and the "Nơi nhận" block when the caller has them."""
    if body is None:
        body = nonempty(doc)
    start = 0
    if h.title_block is not None:
        start = next((i for i, b in enumerate(body) if b.index > h.title_block.index), len(body))
    if noi_nhan is _UNSET:
        noi_nhan, _ = find_recipients(doc, body)
    if noi_nhan is not None:
        # the signature sits beside or just after the recipients; failing that, just before them (but not
        # the issuing authority line of a decision, "CHỦ TỊCH ỦY BAN NHÂN DÂN …", further up)
        at = next(i for i, b in enumerate(body) if b is noi_nhan)
        after = _lines(body[at:at + 40])
        found = _signature_in(after)
        if found is None:
            found = _signature_in(_lines(body[max(start, at - 10):at]) + after)
        return found or (None, None)
    return _signature_in(_lines(body[max(start, len(body) - 60):])) or (None, None)


def _signature_in(lines: list[tuple[Block, str]]) -> tuple[Block, Block | None] | None:
    """The first signature line (T/M …, or a position) in the lines and the signer's name after it."""
    for i, (b, line) in enumerate(lines):
        text = line.strip()
        # "CHỦ TỊCH Nguyễn Văn An" on one line (a line break Word's reader turned into a space)
        trailing = _TRAILING_NAME.search(text)
        head = text[:trailing.start()].strip() if trailing and trailing.start() else text
        if _SIGN_PREFIX.match(head) or _is_position(head):
            if trailing is not None and trailing.start():
                return b, b
            for nb, nline in lines[i + 1:i + 10]:
                t = nline.strip()
                if _NAME.match(t) and not _NOI_NHAN.match(t):
                    return b, nb
                tail = _TRAILING_NAME.search(t)  # "BÍ THƯ Nguyễn Văn An"
                if tail is not None and tail.start() and _is_position(t[:tail.start()]):
                    return b, nb
            return b, None
    return None


_TRAILING_NAME = re.compile(r"(?<=[A-ZĐÀ-Ỹ.)])\s+(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){1,5}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s*$")


def has_agency_line(h, doc: Document) -> bool:
    stop = h.title_block.index if h.title_block is not None else 12
    for b in doc.blocks:
        if b.index >= stop:
            break
        # a two-column header typed on one line: "HUYỆN ỦY X<tab>ĐẢNG CỘNG SẢN VIỆT NAM", "| … | … |"
        for part in re.split(r"\t+|\s{2,}|\||\n", b.text):
            t = re.sub(r"[*_]+", "", part).strip()
            if len(t) < 3 or not _AGENCY_WORDS.search(t):
                continue
            letters = [c for c in t if c.isalpha()]
            if letters and sum(c.isupper() for c in letters) / len(letters) > 0.8 \
                    and "ĐẢNG CỘNG SẢN" not in t and "CỘNG H" not in t:
                return True
    return False


def type_code(h) -> str | None:
    """The type code of the document's own number line ("BC" in "Số 12-BC/HU" or "Số: 3/BC-UBND");
    "" for a công văn number without a type code ("Số: 15/UBND-VP"); None without a number line."""
    m = h.number
    if m is None:
        return None
    sym = re.sub(r"\s+", "", m.group("sym"))
    if m.group("sep") == "-":  # Party: 12-BC/HU
        return sym.split("/")[0]
    code = sym.split("-")[0]
    from ..profiles import known_type_codes

    return code if code in known_type_codes() else ""


def document_type(h) -> str | None:
    """The document's type by its type-name line ("BÁO CÁO"), its "V/v" line (a công văn), or the type
    code of its number ("BC" → "BÁO CÁO"; no code, or "CV" → a công văn); None when nothing says."""
    from ..profiles import CONG_VAN, type_table

    if h.type_name is not None:
        return h.type_name
    code = type_code(h)
    if code is None:
        return None
    if code in ("", "CV"):
        return CONG_VAN
    for name, codes in type_table().items():
        if code in codes["party"] or code in codes["state"]:
            return name
    return None


def is_report(h, type_names: list[str], type_codes: list[str]) -> bool:
    """A report: its type name is one of `type_names`; without a type name line, its number carries
    one of `type_codes` (or there is no number either, so nothing says it is not a report)."""
    if h.type_name is not None:
        return h.type_name in type_names
    code = type_code(h)
    return code is None or code in type_codes


# --- 1. mandatory parts ----------------------------------------------------------------------------

@register("mandatory-parts")
class MandatoryParts(Check):
    """One finding per missing part of the thể thức; header parts are reported at the subject line
    (or the type name), closing parts at the last line of the content (before any appendix). Every
    document type is held to the parts, less those its type does without (`exempt`). A part that is
    there in another form is not missing: its form is another rule's (ST003, ST004)."""

    @dataclass(slots=True, kw_only=True)
    class Params:
        """The parts a document must hold, those only warned about, and the types held to them."""

        __pydantic_config__ = FORBID
        parts: tuple[str, ...] = ("header", "agency", "number", "date", "title", "subject", "recipients",
                                  "archive", "signature", "signer")
        warning_parts: tuple[str, ...] = ("archive", "signer")  # reported as warnings, not errors
        # the document types held to the parts (type-name lines, "CÔNG VĂN"); empty: every type
        type_names: tuple[str, ...] = ()
        type_codes: tuple[str, ...] = ()
        # parts a type does without: a công văn has no type-name line (its subject is the "V/v" line)
        exempt: dict[str, tuple[str, ...]] = field(default_factory=dict)
        # in a draft (number or day left blank) the signer's name may not be known yet: info only
        draft_info_parts: tuple[str, ...] = ("signer",)

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        if not looks_like_document(ctx):
            return
        h = header(ctx)
        dtype = document_type(h)
        if self.params.type_names and not is_report(h, self.params.type_names, self.params.type_codes):
            return
        body = _body(ctx)
        if not body:
            return
        from ..profiles import CONG_VAN

        top = h.subject_block or h.title_block or h.number_block or body[0]
        noi_nhan, luu = _recipients(ctx)
        sign, name = _signature(ctx)
        closing = [b for b in body if noi_nhan is None or b.index < noi_nhan.index]
        closing = [b for b in closing if sign is None or b.index < sign.index]
        end = closing[-1] if closing else body[-1]
        profile = doc.profile
        missing: list[tuple[str, Block]] = []
        want = set(self.params.parts) - set(self.params.exempt.get(dtype or "", ()))
        if "header" in want:
            if profile == "party" and not h.has_party_header:
                missing.append(("header_party", top))
            elif profile == "state" and not h.has_state_header:
                missing.append(("header_state", top))
            elif profile == "state" and not h.has_motto:
                missing.append(("motto", top))
            elif profile is None and not (h.has_party_header or h.has_state_header or h.has_youth_header):
                missing.append(("header", top))
        if "agency" in want and not has_agency_line(h, doc):
            missing.append(("agency", top))
        if "number" in want and h.number is None and h.number_loose is None:
            missing.append(("number", top))
        if "date" in want and h.date is None:
            missing.append(("date", top))
        if "title" in want and h.title_block is None:
            missing.append(("title", body[0]))
        if "subject" in want and not h.subject_blocks:
            if dtype == CONG_VAN:
                missing.append(("subject_cv", h.number_block or top))
            elif h.title_block is not None:
                missing.append(("subject", h.title_block))
        if "recipients" in want and noi_nhan is None:
            missing.append(("recipients", end))
        if "archive" in want and noi_nhan is not None and luu is None:
            missing.append(("archive", noi_nhan))
        if "signature" in want and sign is None:
            missing.append(("signature", end))
        if "signer" in want and sign is not None and name is None:
            missing.append(("signer", sign))
        draft = h.is_draft
        for variant, block in missing:
            s, e = word_span(block)
            if variant == "archive":
                s, e = _line_span(block, _NOI_NHAN)
            if "\n" in block.text[s:e]:
                e = block.text.index("\n", s)
            sev = Severity.WARNING if variant in self.params.warning_parts else None
            if draft and variant in self.params.draft_info_parts:
                sev = Severity.INFO
            yield Finding(block, s, e, variant=variant, severity=sev)


def _line_span(block: Block, pattern: re.Pattern) -> tuple[int, int]:
    """The span of the first line (or column) of the block that `pattern` matches at its start."""
    pos = 0
    for line in block.text.split("\n"):
        m = pattern.search(line)
        if m is not None and not line[:m.start()].strip(" \t*_"):
            return pos + m.start(), pos + m.end()
        pos += len(line) + 1
    return word_span(block)


# --- 2. blank number / day in a draft --------------------------------------------------------------

@register("draft-blanks")
class DraftBlanks(Check):
    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        h = header(ctx)
        if h.number is not None and not h.number.group("num"):
            m = h.number
            yield Finding(h.number_block, m.start(), m.end(), variant="number", args={"text": m.group(0).strip()})
        if h.date is not None:
            m = h.date
            if not m.group("day"):
                yield Finding(h.date_block, m.start("place"), m.end(),
                              variant="day" if m.group("month") else "day_month",
                              args={"text": m.group(0).strip()})
            elif not m.group("month"):
                yield Finding(h.date_block, m.start("place"), m.end(), variant="month",
                              args={"text": m.group(0).strip()})


# --- 3. number and symbol line ---------------------------------------------------------------------

@register("number-symbol")
class NumberSymbol(Check):
    """The number line has the profile's shape and a type code matching the document's type (its
    type-name line, or a công văn's "V/v" line), for every type of rules/data/document_types.yaml."""

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        h = header(ctx)
        m = h.number
        if doc.profile is None:
            return
        if m is None:
            loose = h.number_loose
            if loose is not None:  # a "Số …" line of no known shape: its form is wrong, it is not missing
                variant = "shape_party" if doc.profile == "party" else "shape_state"
                yield Finding(h.number_block, loose.start(), loose.end(), variant=variant,
                              args={"text": loose.group(0).strip()})
            return
        block = h.number_block
        sym = re.sub(r"\s+", "", m.group("sym"))
        sep = m.group("sep")
        written = m.group(0).strip()
        s, e = m.start(), m.end()
        if doc.profile == "party":
            if sep != "-" or "/" not in sym:
                yield Finding(block, s, e, variant="shape_party", args={"text": written})
                return
            code = sym.split("/")[0]
            if m.group("colon"):
                yield Finding(block, s, e, variant="colon_party", args={"text": written},
                              severity=Severity.INFO)
        else:
            if sep != "/" or "-" not in sym:
                yield Finding(block, s, e, variant="shape_state", args={"text": written})
                return
            code = sym.split("-")[0]
            if not m.group("colon"):
                yield Finding(block, s, e, variant="colon_state", args={"text": written},
                              severity=Severity.INFO)
        from ..profiles import CONG_VAN, known_type_codes, type_codes

        dtype = h.type_name
        if doc.profile == "state" and (dtype == CONG_VAN or (dtype is None and code == "CV")) \
                and code in known_type_codes():
            # a state công văn carries no type code: "Số: 456/UBND-VP", not "Số: 456/CV-UBND"
            rest = sym.split("-", 1)[1]
            yield Finding(block, s, e, variant="cong_van_code",
                          args={"text": written, "code": code, "expected": f"{m.group('num') or '…'}/{rest}-…"},
                          actual=code)
            return
        expected = type_codes(dtype, doc.profile)
        if expected and code not in expected:
            shown = (" hoặc " if ctx.lang == "vi" else " or ").join(f'"{c}"' for c in expected)
            yield Finding(block, s, e, variant="type_code",
                          args={"code": code, "expected": shown, "type_name": dtype},
                          expected="/".join(expected), actual=code)


# --- 4. header date form ---------------------------------------------------------------------------

@register("header-date-form")
class HeaderDateForm(Check):
    """The place-and-date line is written "<Địa danh>, ngày DD tháng M năm YYYY": day below 10 and months
    1 and 2 take a leading zero, months 3 to 12 do not; a line in figures ("Hà Nội, 31/12/2025") or without
    its place is reported for its form (it is there: ST001 does not call it missing)."""

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        h = header(ctx)
        m = h.date
        if m is None:
            return
        if h.date_form == "numeric":
            d, mo, y = int(m.group("day")), int(m.group("month")), m.group("year")
            if 1 <= d <= 31 and 1 <= mo <= 12:
                day = f"{d:02d}" if d < 10 else str(d)
                month = f"{mo:02d}" if mo in (1, 2) else str(mo)
                expected = f"{m.group('place').strip()}, ngày {day} tháng {month} năm {y}"
                yield Finding(h.date_block, m.start("place"), m.end(), variant="numeric",
                              args={"written": m.group(0).strip(), "expected": expected},
                              expected=expected, actual=m.group(0).strip())
            return
        if h.date_form == "no_place":
            yield Finding(h.date_block, m.start("day") if m.group("day") else m.start(), m.end(),
                          variant="no_place", args={"written": m.group(0).strip()})
        for part in ("day", "month"):
            raw = m.group(part)
            if not raw:
                continue
            n = int(raw)
            if part == "day":
                want = f"{n:02d}" if 1 <= n <= 9 else str(n)
            else:
                want = f"{n:02d}" if n in (1, 2) else str(n)
            if raw != want and 1 <= n <= (31 if part == "day" else 12):
                yield Finding(h.date_block, m.start(part), m.end(part), variant=part,
                              args={"written": raw, "expected": want}, expected=want, actual=raw)


# --- 5. report sections ----------------------------------------------------------------------------

@dataclass(slots=True, kw_only=True)
class SectionGroup:
    """One section a report must hold: the heading patterns that stand for it and when it applies."""

    __pydantic_config__ = FORBID
    name: str  # message variant
    patterns: tuple[str, ...]  # regexes over folded text (lower case, no tone marks)
    exclude: tuple[str, ...] = ()
    within: str | None = None  # look in the body of this group's section too (causes in shortcomings)
    requires: str | None = None  # only required when this group is present
    monthly_severity: Severity | None = None  # a monthly report may omit it


_HEADING_START = re.compile(r"^[*+•\-–]?\s*\S")


def alternation(patterns: tuple[str, ...]) -> list[re.Pattern]:
    """The patterns compiled, for `any(p.search(t) for p in ...)`: as one alternation when they allow it (the
    same answer with one scan), else one by one (groups would renumber backreferences, and inline flags
    must open a whole pattern)."""
    compiled = [re.compile(p) for p in patterns]
    if len(compiled) > 1 and not any(c.groups for c in compiled):
        try:
            return [re.compile("|".join(f"(?:{p})" for p in patterns))]
        except re.error:
            pass
    return compiled


@register("report-sections")
class ReportSections(Check):
    @dataclass(slots=True, kw_only=True)
    class Params:
        """The sections a report must hold, and which reports are periodic."""

        __pydantic_config__ = FORBID
        groups: tuple[SectionGroup, ...]
        type_names: tuple[str, ...] = ("BÁO CÁO",)
        max_line: int = 160  # a short standalone line can act as a heading ("* Hạn chế:")
        # a periodic report names its period in the subject line (folded text); a one-off report
        # (an inspection, an event, a thematic review) need not hold every part: its findings are info
        periodic: tuple[str, ...] = ()
        nonperiodic_severity: Severity = Severity.INFO
        # the parts are required of a general work report (its subject names the body's work as a whole:
        # "công tác …", "tình hình thực hiện nhiệm vụ", "kinh tế - xã hội"); a report on one instrument
        # or topic ("thực hiện Chỉ thị số 38/CT-TTg", "hoạt động vật liệu nổ"), or one written to a
        # prescribed outline ("theo đề cương", "Mẫu số 02"), need not hold them: info (folded patterns)
        general: tuple[str, ...] = ()
        thematic: tuple[str, ...] = ()
        prescribed: tuple[str, ...] = ()
        prescribed_reach: int = 4  # body paragraphs after the subject where the outline may be named

        def __post_init__(self) -> None:
            if not self.groups:
                raise Invalid("groups", "at least one group is needed")

    def _required(self, subject: str, body: list[Block]) -> bool:
        """Whether the report's type requires every part: a general work report (see `Params.general`), not
        on one instrument or topic, not written to a prescribed outline."""
        params = self.params
        if params.general and not any(re.search(p, subject) for p in params.general):
            return False
        if any(re.search(p, subject) for p in params.thematic):
            return False
        opening = [fold(b.text) for b in body[:params.prescribed_reach]]
        return not any(re.search(p, t) for p in params.prescribed for t in [subject, *opening])

    def _group_patterns(self, g: SectionGroup) -> tuple[list[re.Pattern], list[re.Pattern]]:
        """The group's patterns and exclusions, compiled once per check."""
        cache = self.__dict__.setdefault("_compiled_groups", {})
        key = (tuple(g.patterns), tuple(g.exclude))
        c = cache.get(key)
        if c is None:
            c = cache[key] = (alternation(g.patterns), alternation(g.exclude))
        return c

    def _headings(self, doc: Document) -> list[Block]:
        """Numbered headings, Word headings, and short standalone lines that can act as one."""
        from ..headings import parse_heading

        out = []
        for b in doc.main_body():
            if b.kind is not BlockKind.PARAGRAPH:
                continue
            t = b.text.strip()
            if not t:
                continue
            if parse_heading(t) is not None or b.heading_level is not None:
                out.append(b)
            elif len(t) <= self.params.max_line and _HEADING_START.match(t) and (
                    t.rstrip().endswith(":") or t.lstrip("*+•-– ").split(" ")[0].isupper()
                    or b.list_id is not None or t.upper() == t):
                out.append(b)
        return out

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        h = header(ctx)
        if h.type_name not in self.params.type_names:
            return
        heads = [b for b in self._headings(doc) if h.title_block is None or b.index > h.title_block.index]
        if len(heads) < 2:
            return
        noi_nhan, _ = _recipients(ctx)
        if noi_nhan is not None:
            heads = [b for b in heads if b.index < noi_nhan.index]
        body = [b for b in _body(ctx) if b.kind is BlockKind.PARAGRAPH and
                (h.title_block is None or b.index > h.title_block.index) and
                (noi_nhan is None or b.index < noi_nhan.index)]
        if not body:
            return
        monthly = bool(re.search(r"\btháng\s+\d", h.subject, re.IGNORECASE)) and not re.search(
            r"\b(?:quý|quí|\d+\s+tháng|sáu tháng|chín tháng)", h.subject, re.IGNORECASE)
        subject = fold(h.subject)
        periodic = not self.params.periodic or any(re.search(p, subject) for p in self.params.periodic)
        required = periodic and self._required(subject, body)
        found: dict[str, Block] = {}
        folded: dict[int, str] = {}  # block index → fold(text): each group looks at the same headings
        for g in self.params.groups:
            pats, excl = self._group_patterns(g)
            for b in heads:
                f = folded.get(b.index)
                if f is None:
                    f = folded[b.index] = fold(b.text)
                if any(p.search(f) for p in pats) and not any(x.search(f) for x in excl):
                    found[g.name] = b
                    break
        for g in self.params.groups:
            if g.name in found or not g.within or g.within not in found:
                continue
            # look in the body of the section that holds the shortcomings
            start = found[g.within]
            level = _level_of(start)
            head_ids = {id(b) for b in heads}  # (`b in heads` per body block would be quadratic)
            pats = self._group_patterns(g)[0]
            for b in body:
                if b.index <= start.index:
                    continue
                if id(b) in head_ids and _level_of(b) <= level and b.index != start.index:
                    break
                if not pats:
                    continue
                f = fold(b.text)
                if any(p.search(f) for p in pats):
                    found[g.name] = b
                    break
        sign, _ = _signature(ctx)
        end_blocks = [b for b in body if sign is None or b.index < sign.index]
        end = end_blocks[-1] if end_blocks else body[-1]
        for g in self.params.groups:
            if g.name in found:
                continue
            if g.requires and g.requires not in found:
                continue
            anchor = found.get(g.requires) if g.requires else end
            if anchor is not None and g.requires:
                # the shortcomings themselves: the first paragraph after their heading
                anchor = next((b for b in body if b.index > anchor.index), anchor)
            anchor = anchor or end
            s, e = word_span(anchor)
            sev = g.monthly_severity if monthly and g.monthly_severity else None
            if not required:
                sev = self.params.nonperiodic_severity
            yield Finding(anchor, s, e, variant=g.name, severity=sev)


def _level_of(block: Block) -> int:
    from ..headings import parse_heading

    h = parse_heading(block.text.strip(), max_title=10_000)
    if h is None:
        return 5
    return {"roman": 1, "arabic": 2, "decimal": 3, "letter": 4}[h.level]


# --- 6. heading numbering --------------------------------------------------------------------------

def _label(h, text: str) -> str:
    return text[h.start:h.end].strip()


_SUB_ITEM = re.compile(r"^\s*(\d{1,2})[a-zđ]\b")  # "18a, 18b. …"


@register("heading-numbering")
class HeadingNumbering(Check):
    """Per level: duplicates, gaps and disorder of typed labels.

    Levels are keyed by kind and punctuation ("I.", "1.", "1)", "1-", "1.1.", "a)"): "1)" items inside a
    "1." section are their own list. Which level holds which is learnt as the document goes (a stack:
    a label of a level already open closes the deeper ones; a new kind of label opens a deeper level),
    so any nesting order is followed; a Roman label closes every other. A list that restarts at 1 is a
    new list, not an error. Numbering starts again in each appendix. Before a number is called missing,
    the text between is searched for it in any form ("6.1 .Công tác", "2- Kinh tế"): a label this
    parser did not read is not a missing one."""

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        from ..headings import LETTER_ORDINALS, parse_heading

        restarts = {i for i, _ in doc.meta.get("appendices", ())}
        state = _Numbering()
        paras: list[Block] = []  # the paragraphs so far (for the search of a label in another form)
        for b in doc.blocks:
            if b.index in restarts:
                state = _Numbering()
            if b.kind is BlockKind.TABLE_CELL or b.list_id is not None:
                # a table or Word's automatic numbering may hold the missing items: no gap judgement
                state.interrupt()
                continue
            if b.kind is not BlockKind.PARAGRAPH or not b.text.strip():
                continue
            paras.append(b)
            arabic = state.last.get("arabic.")
            if (m := _SUB_ITEM.match(b.text)) and arabic is not None:
                state.last["arabic."] = (int(m.group(1)), m.group(1) + ".", arabic[2])  # "18a, 18b." is item 18
                continue
            h = parse_heading(b.text, max_title=10_000)
            if h is None:
                continue
            label = _label(h, b.text)
            key = h.level if h.level in ("roman", "decimal", "letter") else "arabic" + h.style
            if h.level == "decimal":
                prefix = h.numbers[:-1]
                if prefix[0] not in (state.value("arabic."), state.value("arabic)"), state.value("arabic-"),
                                     state.value("roman")):
                    continue  # not under the current section: not judged
                key = ("decimal", prefix)
            cur = LETTER_ORDINALS[h.label] if h.level == "letter" else h.numbers[-1]
            parent = state.open(key, len(paras) - 1)
            prev = state.last.get(key)
            autos = state.interrupted.get(key, False)
            if h.level == "arabic" and prev is not None and cur != prev[0] + 1:
                prev = state.nested_outer(key, cur) or prev
            if h.level == "arabic" and prev is not None and cur == 1 and prev[0] >= 1 and not autos:
                state.push_outer(key, prev)
            if h.level == "roman":
                first = 1
            elif h.level == "decimal":
                first = 1
            elif h.level == "arabic":
                first = 1 if parent is not None else None
            else:
                first = 0
            for f in self._compare(b, h, label, prev, cur, autos, first, step=1.0 if h.level == "letter" else 1):
                if f.variant in ("gap", "start") and _written_otherwise(paras, parent if prev is None else prev[2],
                                                                        len(paras) - 1, f.expected or ""):
                    continue
                yield f
            state.last[key] = (cur, label, len(paras) - 1)
            state.interrupted[key] = False

    def _compare(self, b: Block, h, label: str, prev, cur, autos: bool, first_expected, step=1):
        s, e = h.start, h.end
        e = s + len(b.text[s:e].rstrip())  # the label "2.", not the space after it
        if prev is None:
            if first_expected is not None and first_expected < cur <= first_expected + 1 and not autos \
                    and h.level != "letter":
                first = {"roman": "I", "arabic": "1", "decimal": ".".join(map(str, h.numbers[:-1])) + ".1"}[h.level]
                first += _punct(label, h)
                yield Finding(b, s, e, variant="start", args={"label": label, "expected": first},
                              expected=first, actual=label)
            return
        pv, plabel = prev[0], prev[1]
        if cur == pv:
            yield Finding(b, s, e, variant="duplicate",
                          args={"label": label, "previous": plabel, "expected": _next_label(h, pv, plabel)},
                          expected=_next_label(h, pv, plabel), actual=label)
        elif cur < pv:
            if cur == first_expected or (h.level == "arabic" and cur == 1) or (h.level == "letter" and cur == 0):
                return  # a new list starts
            yield Finding(b, s, e, variant="order", args={"label": label, "previous": plabel},
                          actual=label)
        elif step < cur - pv <= 2 * step and not autos:  # one item missing; a larger jump is an extraction gap
            yield Finding(b, s, e, variant="gap",
                          args={"label": label, "previous": plabel, "expected": _next_label(h, pv, plabel)},
                          expected=_next_label(h, pv, plabel), actual=label)


class _Numbering:
    """The open levels of the outline, outermost first, with the last label of each."""

    def __init__(self) -> None:
        self.stack: list = []  # level keys: "roman", "arabic.", "arabic)", "arabic-", ("decimal", prefix), "letter"
        self.last: dict = {}  # key -> (value, label, position of its paragraph)
        self.interrupted: dict = {}
        self.outer: dict = {}  # key -> enclosing sequences of a nested list that restarted at 1

    def value(self, key) -> int | None:
        v = self.last.get(key)
        return v[0] if v is not None else None

    def open(self, key, at: int) -> int | None:
        """Makes `key` the innermost open level; returns where its parent heading is (a paragraph
        position), None when it has none."""
        if key == "roman":
            keep = [k for k in self.stack if k == "roman"]
        elif key in self.stack:
            keep = self.stack[:self.stack.index(key) + 1]
        else:
            keep = self.stack + [key]
        for k in self.stack:
            if k not in keep:
                self.last.pop(k, None)
                self.interrupted.pop(k, None)
                self.outer.pop(k, None)
        self.stack = keep if key in keep else keep + [key]
        i = self.stack.index(key)
        if i == 0:
            return None
        parent = self.last.get(self.stack[i - 1])
        return parent[2] if parent is not None else None

    def interrupt(self) -> None:
        for k in self.stack:
            self.interrupted[k] = True
        self.interrupted["roman"] = True

    def nested_outer(self, key, cur: int):
        """"2. Xã hội, gồm: 1. … 4. … 3. Quốc phòng": the enclosing sequence the label continues."""
        outer = self.outer.get(key)
        if not outer:
            return None
        fit = next((k for k in range(len(outer) - 1, -1, -1) if cur == outer[k][0] + 1), None)
        if fit is None:
            return None
        prev = outer[fit]
        del outer[fit:]
        return prev

    def push_outer(self, key, prev) -> None:
        outer = self.outer.setdefault(key, [])
        outer.append(prev)
        if len(outer) > 4:
            del outer[0]


def _punct(label: str, h) -> str:
    """The punctuation a label is written with ("." of "2.", ")" of "b)"), for the expected label."""
    tail = label[len(h.label):].strip()
    return tail if tail else ""


# a label in any form: digits (maybe dotted or with commas) or a Roman numeral or a letter, then punctuation
# or a capital ("6.1 .Công tác", "(2) Kinh tế", "2/ Xã hội", "6.1Công"), not a count ("2 xã", "2.000 hộ")
_NUMBER_START = re.compile(r"^\W{0,3}(\d{1,2}(?:\s*[.,]\s*\d{1,2}){0,3}|[IVX]{1,5}|[a-zđ])(?![.,]?\d)"
                           r"(?=\s*[^\w\s]|\s*[A-ZĐÀ-ỸÂĂÊÔƠƯ])")


def _written_otherwise(paras: list[Block], since: int | None, until: int, expected: str) -> bool:
    """A paragraph between positions `since` and `until` starts with the expected label in another form
    ("6.1 .Công tác", "6,1. …", "(2) …", "2- …"): it is there, only written in a way not read as a label."""
    want = re.sub(r"[^\w.]", "", expected).strip(".")
    if not want:
        return False
    lo = 0 if since is None else since + 1
    for b in paras[lo:until]:
        m = _NUMBER_START.match(b.text.lstrip())
        if m is not None and re.sub(r"[\s,]", ".", m.group(1)).replace("..", ".") == want:
            return True
    return False


def _next_label(h, pv, plabel: str) -> str:
    from ..headings import LETTER_ORDINALS, ROMAN

    punct = plabel[-1] if plabel and not plabel[-1].isalnum() else ""
    if h.level == "roman":
        inv = {v: k for k, v in ROMAN.items()}
        return inv.get(pv + 1, str(pv + 1)) + punct
    if h.level == "arabic":
        return f"{pv + 1}{punct}"
    if h.level == "decimal":
        return ".".join(str(n) for n in (*h.numbers[:-1], pv + 1)) + punct
    nxt = min((k for k, v in LETTER_ORDINALS.items() if v > pv and float(v).is_integer()), default="?",
              key=lambda k: LETTER_ORDINALS[k])
    return f"{nxt}{punct}"


# --- 7. footnotes ----------------------------------------------------------------------------------

@register("footnote-links")
class FootnoteLinks(Check):
    """A reference mark whose footnote text is missing, and a footnote text no mark points to."""

    @dataclass(slots=True, kw_only=True)
    class Params:
        """Which kinds of notes must be referenced from the text."""

        __pydantic_config__ = FORBID
        kinds: tuple[str, ...] = ("footnote", "endnote")

    def run(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        for kind in self.params.kinds:
            bkind = BlockKind.FOOTNOTE if kind == "footnote" else BlockKind.ENDNOTE
            notes = doc.notes(bkind)
            refs: dict[int, tuple[Block, object]] = {}
            for b in doc.blocks:
                for r in b.note_refs:
                    if r.kind == kind:
                        refs.setdefault(r.number, (b, r))
            for number, (b, r) in sorted(refs.items()):
                if number not in notes:
                    s, e = _mark_span(b, r)
                    yield Finding(b, s, e, variant=f"{kind}_no_text", args={"number": number})
            lost = doc.meta.get("footnote_anchors_lost") or doc.meta.get(f"{kind}_anchors_lost")
            if lost:
                continue
            for number, blocks in sorted(notes.items()):
                if number not in refs:
                    b = blocks[0]
                    s, e = word_span(b, 60)
                    yield Finding(b, s, e, variant=f"{kind}_no_mark", args={"number": number})


def _mark_span(b: Block, r) -> tuple[int, int]:
    pos = max(0, min(r.position, len(b.text)))
    if r.length:
        return max(0, pos - r.length), pos
    s = pos
    while s > 0 and b.text[s - 1].isspace():
        s -= 1
    e = s
    while s > 0 and not b.text[s - 1].isspace():
        s -= 1
    return (s, e) if e > s else (max(0, pos - 1), pos)
