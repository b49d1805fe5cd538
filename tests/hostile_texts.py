"""Generator of hostile report texts, shared by the property tests (tests/test_hostile_properties.py) and the
fuzz benchmark (bench/fuzz.py): one function of a `random.Random`, so hypothesis can drive it (and shrink
what it draws) and the benchmark can run it by the hundred thousand.

The texts mix what reports are made of — Vietnamese words, link words, counting nouns and units, figures,
dates, periods, document numbers, headings, footnote marks, table rows — with what breaks parsers: numbers
of up to 80 digits with any separators, impossible dates, unbalanced brackets, stray separators, lone
marks, decomposed letters, other scripts' digits, control characters. Every word here is written for the
tests (no sentence of a real report).
"""

from __future__ import annotations

import random

WORDS = ("kết quả thực hiện nhiệm vụ công tác xây dựng Đảng chi bộ đảng viên kiểm tra giám sát tuyên truyền "
         "nhân dân hộ nghèo cận nghèo thoát nghèo xã thị trấn huyện tỉnh năm tháng quý kế hoạch chỉ tiêu "
         "nghị quyết chỉ thị hướng dẫn báo cáo các được của và với trong theo đã đang sẽ có không nhiều "
         "thu chi ngân sách tổng số trường lớp học sinh lao động việc làm vụ án bị can đơn thư hồ sơ "
         "Ban Thường vụ Huyện ủy Ủy ban nhân dân UBND HĐND Mặt trận Tổ quốc đoàn thể").split()
LINKS = ("đạt", "chiếm", "trong đó", "gồm", "bao gồm", "còn", "còn lại", "tồn", "tăng", "giảm", "so với cùng kỳ",
         "so với năm trước", "kỷ niệm", "vượt", "tổng", "tổng số", "tổng cộng", "tỷ lệ", "bằng", "đạt và vượt",
         "không", "chưa", "như sau", "cụ thể")
UNITS = ("hộ", "đảng viên", "chi bộ", "người", "xã", "cuộc", "vụ", "lượt", "tỷ đồng", "triệu đồng", "đồng",
         "ha", "m2", "km", "tấn", "kg", "năm", "tháng", "ngày", "%", "lần", "hồ sơ", "tiêu chí", "nội dung")
MARKS = ("[1]", "[12]", "¹", "²³", "[footnoteRef:3]", "[3: Theo số liệu của xã.]", "*", "**", "(*)")
HEADS = ("I.", "II.", "IV.", "1.", "2.", "1.1.", "1.2.3.", "a)", "b)", "đ)", "-", "+", "•", "#", "##", ">")
SEPARATORS = (". ", ", ", "; ", ": ", " - ", " – ", "/", "%", " %", "(", ")", "[", "]", "((", "))", "|", " | ",
              "\t", "...", "…", " / ", ",", ".", "-", "–", "—", "\u00a0", "\u200b", "\ufeff", "\x0c", "\u2028")
ODD = ("Nơi nhận:", "BÁO CÁO", "Số 12-BC/HU", "Số: 45/BC-UBND", "ĐẢNG CỘNG SẢN VIỆT NAM", "T/M BAN THƯỜNG VỤ",
       "ngày 05 tháng 01 năm 2024", "Hà Nội, ngày .... tháng .... năm 2024", "quí", "hoà", "Nhân dân",
       "Ch\u00ad\u00acng tr\u00d7nh", "ho\u0300a", "\u0661\u0662\u0663", "\uff11\uff12\uff13", "١٢/٣٤", "x\u0301",
       "H5N1", "CT12", "QL.1A", "0913.456.789", "1.2.3.4", "v1.2.3 phiên bản", "12h30", "điền khi ban hành",
       "|---|---|", "| STT | Chỉ tiêu | Kế hoạch | Thực hiện |", "---", "```", "<w:t>", "&amp;", "\\|")
ROMAN = ("I", "II", "III", "IV")


def number(rnd: random.Random) -> str:
    """A number as a report (or a typo, or garbage) writes it: up to 80 digits, grouped or not, decimals."""
    r = rnd.random()
    if r < 0.55:
        n = rnd.randint(1, 4)
    elif r < 0.85:
        n = rnd.randint(5, 12)
    elif r < 0.95:
        n = rnd.randint(13, 30)
    else:
        n = rnd.randint(31, 80)
    digits = "".join(rnd.choice("0123456789") for _ in range(n))
    if rnd.random() < 0.7 and digits[0] == "0" and n > 1:
        digits = rnd.choice("123456789") + digits[1:]
    style = rnd.random()
    if style < 0.35 and n > 3:  # grouped in threes, Vietnamese or English
        sep = rnd.choice(".,")
        head = n % 3 or 3
        digits = sep.join([digits[:head]] + [digits[i:i + 3] for i in range(head, n, 3)])
    elif style < 0.5 and n > 1:  # separators anywhere
        out = [digits[0]]
        for d in digits[1:]:
            if rnd.random() < 0.3:
                out.append(rnd.choice(".,"))
            out.append(d)
        digits = "".join(out)
    if rnd.random() < 0.25:  # decimals
        digits += rnd.choice(",.") + "".join(rnd.choice("0123456789") for _ in range(rnd.randint(1, 4 if n < 30 else 40)))
    return digits


def weighted(rnd: random.Random, choices):
    """The result of one of `choices` ((weight, function of no argument), …), drawn by weight."""
    return rnd.choices([f for _, f in choices], weights=[w for w, _ in choices])[0]()


def date(rnd: random.Random) -> str:
    d, m = rnd.choice((rnd.randint(1, 31), rnd.randint(0, 99))), rnd.choice((rnd.randint(1, 12), rnd.randint(0, 99)))
    y = rnd.choice((rnd.randint(1990, 2030), rnd.randint(0, 99), rnd.randint(1800, 2199), rnd.randint(0, 99999)))
    sep = rnd.choice("/.-")
    return weighted(rnd, (
        (5, lambda: f"{d:0{rnd.choice((1, 2))}d}{sep}{m}{sep}{y}"),
        (2, lambda: f"ngày {d:02d} tháng {m:02d} năm {y}"),
        (1, lambda: f"{d}/{m}"),
        (1, lambda: f"tháng {m}/{y}"),
        (1, lambda: f"{rnd.choice(('quý', 'quí', 'Quý'))} {rnd.choice(ROMAN + ('5', '0'))}/{y}"),
    ))


def figure(rnd: random.Random) -> str:
    a, b = number(rnd), number(rnd)
    return weighted(rnd, (
        (20, lambda: a),
        (20, lambda: f"{a}{rnd.choice(('', ' ', '  ', '    '))}{rnd.choice(UNITS)}"),
        (15, lambda: f"{a}%"),
        (15, lambda: f"{a}/{b} {rnd.choice(UNITS)}"),
        (8, lambda: f"{a}/{b}%"),
        (10, lambda: date(rnd)),
        (5, lambda: f"{rnd.randint(1800, 2200)} {rnd.choice('-–—')} {rnd.randint(1800, 2200)}"),
        (4, lambda: f"{rnd.choice(('Kế hoạch', 'Nghị quyết', 'Quyết định', 'Công văn'))} số {number(rnd)}"
                    f"{rnd.choice(('-KH/HU', '/KH-UBND', '-NQ/TU', '/2020/NĐ-CP', '-QĐ/TW'))}"),
        (3, lambda: f"{rnd.randint(0, 12)} tháng {rnd.choice(('đầu', 'cuối'))} năm {rnd.randint(1990, 2100)}"),
    ))


def relation(rnd: random.Random) -> str:
    """A phrase of the forms the arithmetic rules recompute, with any numbers in it."""
    n, u = (lambda: number(rnd)), rnd.choice(UNITS[:12])
    return rnd.choice((
        lambda: f"{n()}/{n()} {u}, đạt {n()}%",
        lambda: f"đạt {n()}/{n()}%",
        lambda: f"tổng số {n()} {u}, trong đó {n()} {u} nam, {n()} {u} nữ",
        lambda: f"{n()} {u} ({n()} {u} cấp huyện và {n()} {u} cấp xã)",
        lambda: f"thụ lý {n()} {u}, giải quyết {n()} {u}, tồn {n()} {u}",
        lambda: f"{n()}/{n()} {u}, còn {n()} {u}",
        lambda: f"đạt {n()} tỷ đồng, tăng {n()}% so với cùng kỳ (cùng kỳ {n()} tỷ đồng)",
        lambda: f"có {n()} {u}, chiếm {n()}%; {n()} {u}, chiếm {n()}%",
        lambda: f"kỷ niệm {n()} năm ({rnd.randint(1000, 2100)} - {rnd.randint(1000, 2100)})",
        lambda: f"gồm {n()} {u}: {', '.join(rnd.choice(WORDS) for _ in range(rnd.randint(0, 5)))}",
        lambda: f"{n()} xã ({', '.join(rnd.choice(WORDS) for _ in range(rnd.randint(0, 5)))})",
        lambda: f"tăng {n()} {u} so với năm trước ({n()} {u})",
    ))()


def control(rnd: random.Random) -> str:
    """One odd character: a control, a combining mark, general punctuation, private use, an emoji."""
    return chr(rnd.choice((rnd.randint(0, 0x1f), rnd.randint(0x300, 0x36f), rnd.randint(0x2000, 0x206f),
                           rnd.randint(0xe000, 0xe0ff), rnd.randint(0x1f300, 0x1f5ff))))


def piece(rnd: random.Random) -> str:
    return weighted(rnd, (
        (10, lambda: relation(rnd)),
        (25, lambda: " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 4)))),
        (25, lambda: figure(rnd)),
        (10, lambda: rnd.choice(LINKS)),
        (10, lambda: rnd.choice(SEPARATORS)),
        (6, lambda: rnd.choice(MARKS)),
        (5, lambda: rnd.choice(ODD)),
        (4, lambda: "\n" + rnd.choice(HEADS) + " "),
        (2, lambda: "\n"),
        (3, lambda: control(rnd)),
    ))


def hostile_text(rnd: random.Random, max_pieces: int = 60) -> str:
    """One text: up to `max_pieces` pieces, mostly joined by spaces; sometimes a whole table or list."""
    n = rnd.randint(1, max_pieces)
    parts = []
    for _ in range(n):
        parts.append(piece(rnd))
        parts.append(rnd.choice((" ", " ", " ", "", "  ", ", ")))
    text = "".join(parts)
    if rnd.random() < 0.1:  # a Markdown table with figure cells
        cols = rnd.randint(2, 6)
        rows = ["| " + " | ".join(rnd.choice(WORDS) for _ in range(cols)) + " |", "|" + "---|" * cols]
        for _ in range(rnd.randint(1, 5)):
            rows.append("| " + " | ".join(figure(rnd) if rnd.random() < 0.7 else "" for _ in range(cols)) + " |")
        text += "\n" + "\n".join(rows)
    return text


def lint_text(text: str):
    """The whole API path for a text: `checker.api.lint_text` (a `Result`) where it exists, else the same
    pipeline by hand (read_string + lint_document) wrapped in a Result."""
    from checker import api

    if hasattr(api, "lint_text"):
        return api.lint_text(text)
    from checker.readers import ReadError, read_string

    try:
        doc = read_string(text)
    except ReadError as exc:
        return api.Result([api.read_error_result("<text>", exc, "vi")])
    return api.Result([api.lint_document(doc)])


def internal_error(result) -> str | None:
    """The message of a file's `internal` error entry (a crash the API caught), else None."""
    for f in result.files:
        if f.error is not None and f.error.code == "internal":
            return f.error.message
    return None
