"""Synthetic Vietnamese reports for the benchmark, as .txt and .docx.

Every sentence is built from the templates below, written for this benchmark in the style of
a district Party committee's periodic report (header, Roman-numbered parts, numbered items,
dash bullets, indicator tables, figures in Vietnamese number format, dates and references).
No sentence is taken from a real report.

The arithmetic is mostly right and occasionally wrong (about one figure in forty), so a run
produces a realistic, small number of findings.

    python bench/synth.py --scale 4 --out /tmp/x      # writes /tmp/x/synth-4x.txt and .docx

A report of scale k holds about k × 50 KB of UTF-8 text (1 KB = 1024 bytes). Generation is
deterministic for a given (scale, seed).
"""

from __future__ import annotations

import argparse
import random
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

UNIT_BYTES = 50 * 1024  # "a 50 KB report"
VERSION = 3  # bump when the templates change (cached files carry it in their name)

COMMUNES = ["Tân Phước", "Long Hòa", "Vĩnh Thạnh", "Phú Hữu", "Bình An", "Thạnh Lợi", "Hòa Bình",
            "Mỹ Xuyên", "An Lạc", "Phước Long", "Đông Thạnh", "Tân Hiệp", "Hiệp Lợi", "Trường Xuân"]
AGENCIES = ["Ban Tuyên giáo", "Ban Tổ chức", "Ủy ban Kiểm tra", "Ban Dân vận", "Văn phòng Huyện ủy",
            "Trung tâm Chính trị", "Ủy ban nhân dân huyện", "Mặt trận Tổ quốc huyện", "Huyện đoàn",
            "Hội Nông dân huyện", "Hội Liên hiệp Phụ nữ huyện", "Hội Cựu chiến binh huyện"]
DOC_KINDS = [("Kế hoạch", "KH"), ("Chỉ thị", "CT"), ("Nghị quyết", "NQ"), ("Kết luận", "KL"),
             ("Thông báo", "TB"), ("Quyết định", "QĐ"), ("Hướng dẫn", "HD")]
ISSUERS = ["HU", "TU", "BTGHU", "BTCHU", "UBKTHU"]
TOPICS = ["công tác xây dựng Đảng", "chuyển đổi số", "cải cách hành chính", "phòng, chống tham nhũng",
          "xây dựng nông thôn mới", "bảo vệ môi trường", "giảm nghèo bền vững", "phát triển kinh tế tập thể",
          "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "an toàn giao thông",
          "quốc phòng, an ninh", "công tác dân vận chính quyền", "phát triển du lịch nông thôn"]
CROPS = [("lúa", "vụ Đông xuân"), ("lúa", "vụ Hè thu"), ("ngô", "vụ Thu đông"), ("rau màu", "vụ Xuân hè")]
HEAD_PARTS = ["CÔNG TÁC XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ", "LĨNH VỰC KINH TẾ",
              "LĨNH VỰC VĂN HÓA - XÃ HỘI", "QUỐC PHÒNG - AN NINH", "CÔNG TÁC NỘI CHÍNH",
              "HOẠT ĐỘNG CỦA MẶT TRẬN VÀ CÁC ĐOÀN THỂ", "XÂY DỰNG CHÍNH QUYỀN"]
SUB_HEADS = ["Về công tác chính trị, tư tưởng", "Về công tác tổ chức, cán bộ và đảng viên",
             "Về công tác kiểm tra, giám sát", "Về sản xuất nông nghiệp", "Về thu, chi ngân sách",
             "Về giáo dục và đào tạo", "Về y tế và bảo hiểm", "Về lao động, việc làm và an sinh xã hội",
             "Về giải quyết thủ tục hành chính", "Về tiếp công dân và giải quyết đơn thư",
             "Về đầu tư công", "Về tài nguyên và môi trường"]
PLAIN = [
    "Các cấp ủy tiếp tục quan tâm nắm bắt tâm tư, nguyện vọng của cán bộ, đảng viên và Nhân dân để kịp thời định hướng thông tin.",
    "Nhìn chung, tình hình chính trị trên địa bàn ổn định; đời sống vật chất và tinh thần của người dân từng bước được nâng lên.",
    "Công tác phối hợp giữa các cơ quan chuyên môn với Ủy ban nhân dân các xã, thị trấn có chuyển biến rõ nét so với kỳ trước.",
    "Một số chi bộ còn chậm đổi mới nội dung sinh hoạt, chưa gắn với việc giải quyết những vấn đề cụ thể ở cơ sở.",
    "Việc cập nhật dữ liệu trên hệ thống quản lý văn bản và điều hành có lúc chưa kịp thời, cần tiếp tục khắc phục trong thời gian tới.",
    "Ban Thường vụ Huyện ủy chỉ đạo các ngành chức năng tăng cường kiểm tra, đôn đốc, kịp thời tháo gỡ khó khăn cho cơ sở.",
    "Các đơn vị đã chủ động xây dựng kế hoạch, phân công cụ thể từng phần việc và thời hạn hoàn thành cho cán bộ phụ trách.",
    "Phong trào thi đua yêu nước được phát động sâu rộng, xuất hiện nhiều mô hình hay, cách làm sáng tạo ở các ấp, khu vực.",
    "Tuy nhiên, tiến độ giải phóng mặt bằng một số công trình trọng điểm còn chậm do vướng mắc về giá bồi thường.",
    "Thời tiết diễn biến bất thường, giá vật tư nông nghiệp tăng cao ảnh hưởng không nhỏ đến sản xuất của bà con nông dân.",
    "Công tác tuyên truyền được thực hiện thường xuyên trên hệ thống truyền thanh cơ sở và các trang mạng xã hội của địa phương.",
    "Đội ngũ cán bộ chủ chốt cấp xã cơ bản đáp ứng yêu cầu nhiệm vụ, tinh thần trách nhiệm và ý thức phục vụ Nhân dân được nâng lên.",
    "Các ngành chuyên môn phối hợp rà soát, tháo gỡ vướng mắc về thủ tục đầu tư, tạo điều kiện cho doanh nghiệp mở rộng sản xuất.",
    "Tình hình an ninh nông thôn được giữ vững, không để xảy ra điểm nóng, các vụ việc phát sinh được giải quyết ngay tại cơ sở.",
    "Việc triển khai các chương trình mục tiêu quốc gia bảo đảm đúng đối tượng, công khai, minh bạch, có sự giám sát của cộng đồng.",
    "Mặt trận và các đoàn thể chủ động nắm tình hình đoàn viên, hội viên, kịp thời phản ánh ý kiến, kiến nghị chính đáng của Nhân dân.",
    "Hoạt động văn hóa, văn nghệ, thể dục thể thao diễn ra sôi nổi, tạo không khí phấn khởi trong các tầng lớp Nhân dân.",
    "Chất lượng khám, chữa bệnh tại trạm y tế xã từng bước được cải thiện, người dân hài lòng hơn với thái độ phục vụ của nhân viên y tế.",
    "Công tác quản lý đất đai, trật tự xây dựng còn một số tồn tại, việc xử lý vi phạm ở một vài nơi chưa kiên quyết.",
    "Ban Chỉ đạo thường xuyên kiểm tra tiến độ, yêu cầu các đơn vị báo cáo định kỳ kết quả thực hiện để kịp thời chấn chỉnh.",
    "Nhiều tập thể, cá nhân có thành tích xuất sắc được biểu dương, khen thưởng kịp thời, tạo động lực cho phong trào thi đua.",
    "Việc ứng dụng công nghệ thông tin trong xử lý hồ sơ công việc được đẩy mạnh, giảm đáng kể thời gian luân chuyển văn bản giấy.",
]


def vn_int(n: int) -> str:
    """12132 -> '12.132'."""
    return f"{n:,}".replace(",", ".")


def vn_dec(d: Decimal, places: int = 2) -> str:
    """Decimal('85.174') -> '85,17' (thousands with '.', decimal ',')."""
    q = d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    whole, _, frac = f"{q:f}".partition(".")
    return vn_int(int(whole)) + ("," + frac if frac else "")


def pct(part: int, whole: int, places: int = 2) -> Decimal:
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


class Gen:
    """Builds the blocks of one report: ('p', text) paragraphs and ('t', rows) tables."""

    def __init__(self, seed: int, year: int = 2024):
        self.r = random.Random(seed)
        self.year = year
        self.ref_no = self.r.randint(20, 80)
        self.quarter = self.r.randint(1, 4)
        self.last_month = 3 * self.quarter
        self.q = ["I", "II", "III", "IV"][self.quarter - 1]

    # --- small pieces ----------------------------------------------------------------------
    def maybe_wrong(self, value: Decimal) -> Decimal:
        if self.r.random() < 0.025:
            return value + Decimal(self.r.choice([-3, -2, 2, 3])) / 100
        return value

    def month(self) -> int:
        """A month of the report's quarter (or earlier in the year): never after the report."""
        return self.r.randint(max(1, self.last_month - 5), self.last_month)

    def date(self) -> str:
        d, m = self.r.randint(1, 24), self.month()
        return f"{d:02d}/{m:02d}/{self.year}" if self.r.random() < 0.5 else f"{d}/{m}/{self.year}"

    def ref(self) -> str:
        kind, code = self.r.choice(DOC_KINDS)
        self.ref_no += self.r.randint(1, 9)
        issuer = self.r.choice(ISSUERS)
        if issuer == "HU" and self.r.random() < 0.3:
            return f"{kind} số {self.ref_no}/{code}-UBND ngày {self.date()} của Ủy ban nhân dân huyện"
        return f"{kind} số {self.ref_no}-{code}/{issuer} ngày {self.date()}"

    # --- sentences (templates written for this benchmark) ----------------------------------
    def sentence(self) -> str:
        r = self.r
        if r.random() < 0.4:  # real reports: about 60–75 % of sentences carry a figure
            return r.choice(PLAIN)
        k = r.randrange(14)
        if k == 0:
            y = r.randint(20, 400)
            x = r.randint(y // 2, y)
            return (f"Kết nạp mới {x}/{y} đảng viên theo chỉ tiêu được giao, đạt "
                    f"{vn_dec(self.maybe_wrong(pct(x, y)))}%; trong đó có {r.randint(1, max(1, x // 3))} "
                    f"đảng viên là đoàn viên thanh niên.")
        if k == 1:
            return (f"Thực hiện {self.ref()} về {r.choice(TOPICS)}, {r.choice(AGENCIES)} đã tham mưu tổ chức "
                    f"{r.randint(2, 30)} hội nghị quán triệt cho {vn_int(r.randint(300, 9000))} lượt cán bộ, đảng viên.")
        if k == 2:
            plan = Decimal(r.randint(8000, 90000)) / 100
            done = plan * Decimal(r.randint(40, 115)) / 100
            done = done.quantize(Decimal("0.01"))
            return (f"Giải ngân vốn đầu tư công đến ngày {self.date()} được {vn_dec(done)} tỷ đồng, đạt "
                    f"{vn_dec(self.maybe_wrong((done * 100 / plan).quantize(Decimal('0.01'), ROUND_HALF_UP)))}% "
                    f"kế hoạch vốn năm {self.year} ({vn_dec(plan)} tỷ đồng).")
        if k == 3:
            crop, season = r.choice(CROPS)
            area = r.randint(1200, 25000)
            yld = Decimal(r.randint(45, 75)) / 10
            return (f"Diện tích gieo trồng {crop} {season} đạt {vn_int(area)} ha, năng suất bình quân "
                    f"{vn_dec(yld, 1)} tấn/ha, sản lượng ước đạt {vn_int(int(area * yld))} tấn.")
        if k == 4:
            plan = r.randint(150, 2500)
            got = Decimal(plan * r.randint(55, 120)) / 100
            return (f"Thu ngân sách nhà nước trên địa bàn được {vn_dec(got)} tỷ đồng, đạt "
                    f"{vn_dec(self.maybe_wrong((got * 100 / plan).quantize(Decimal('0.01'), ROUND_HALF_UP)))}% "
                    f"dự toán tỉnh giao, tăng {vn_dec(Decimal(r.randint(1, 1500)) / 100)}% so với cùng kỳ.")
        if k == 5:
            y = r.randint(500, 30000)
            x = y - r.randint(0, y // 50)
            return (f"Tiếp nhận {vn_int(y)} hồ sơ thủ tục hành chính, đã giải quyết đúng hạn {vn_int(x)} hồ sơ, "
                    f"đạt tỷ lệ {vn_dec(self.maybe_wrong(pct(x, y)))}%; số hồ sơ trễ hạn là {vn_int(y - x)} hồ sơ.")
        if k == 6:
            n = r.randint(5, 200)
            kk = r.randint(0, n)
            return (f"Tiếp nhận {n} đơn phản ánh, kiến nghị của công dân; đã giải quyết {kk} đơn, "
                    f"còn {n - kk} đơn đang xác minh, xem xét theo thẩm quyền.")
        if k == 7:
            a, b = r.randint(1, 40), r.randint(1, 90)
            return (f"Ủy ban Kiểm tra các cấp tiến hành kiểm tra {a + b} trường hợp, gồm {a} tổ chức đảng và "
                    f"{b} đảng viên; giám sát chuyên đề {r.randint(1, 25)} tổ chức đảng theo chương trình năm {self.year}.")
        if k == 8:
            pop = r.randint(60000, 250000)
            ins = r.randint(int(pop * 0.8), pop)
            return (f"Toàn huyện có {vn_int(ins)} người tham gia bảo hiểm y tế, đạt tỷ lệ bao phủ "
                    f"{vn_dec(self.maybe_wrong(pct(ins, pop)))}% dân số ({vn_int(pop)} người).")
        if k == 9:
            a, b = r.randint(50, 900), r.randint(50, 900)
            total = a + b if r.random() > 0.025 else a + b + r.randint(1, 9)
            return (f"Tổng số hộ nghèo và cận nghèo hiện có là {vn_int(total)} hộ, gồm: {vn_int(a)} hộ nghèo "
                    f"và {vn_int(b)} hộ cận nghèo, giảm {r.randint(10, 120)} hộ so với đầu năm.")
        if k == 10:
            q = self.q
            return (f"Trong quý {q}/{self.year}, lực lượng chức năng phát hiện, xử lý {r.randint(3, 80)} vụ vi phạm "
                    f"hành chính, phạt tiền {vn_int(r.randint(5, 900) * 1000000)} đồng, nộp ngân sách nhà nước.")
        if k == 11:
            m = self.month()
            return (f"Ngày {r.randint(1, 24)} tháng {m} năm {self.year}, Ban Thường vụ Huyện ủy tổ chức hội nghị "
                    f"sơ kết {r.choice(['06 tháng', '01 năm', '03 năm', '05 năm'])} thực hiện {self.ref()}.")
        if k == 12:
            c = r.sample(COMMUNES, 3)
            return (f"Các xã {c[0]}, {c[1]} và {c[2]} hoàn thành {r.randint(5, 19)}/19 tiêu chí xã nông thôn mới, "
                    f"phấn đấu về đích trước ngày 31/12/{self.year}.")
        return r.choice(PLAIN)

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.r.randint(2, 5)))

    def table(self) -> list[list[str]]:
        rows = [["STT", "Chỉ tiêu", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"]]
        names = ["Số đảng viên mới kết nạp", "Số hộ thoát nghèo", "Lao động được tạo việc làm",
                 "Số trường đạt chuẩn quốc gia", "Km đường giao thông nông thôn", "Số hộ dùng nước sạch",
                 "Số cuộc kiểm tra, giám sát", "Hồ sơ giải quyết trực tuyến"]
        for i, name in enumerate(self.r.sample(names, self.r.randint(4, 8)), 1):
            plan = self.r.randint(20, 5000)
            done = self.r.randint(plan // 2, plan + plan // 5)
            rows.append([str(i), name, vn_int(plan), vn_int(done), vn_dec(self.maybe_wrong(pct(done, plan)))])
        return rows

    # --- the whole report -----------------------------------------------------------------
    def report(self, target_bytes: int) -> list[tuple[str, object]]:
        """Header, I. results (numbered items, dash bullets, tables), II. shortcomings and causes,
        III. tasks for the next period, signature. Longer reports get more result items."""
        r = self.r
        q, nq = self.q, ["II", "III", "IV", "I"][self.quarter - 1]
        nyear = self.year + (1 if self.quarter == 4 else 0)
        blocks: list[tuple[str, object]] = [
            ("p", "ĐẢNG BỘ TỈNH HẬU AN"), ("p", "HUYỆN ỦY TÂN THẠNH"), ("p", "*"),
            ("p", f"Số {r.randint(10, 300)}-BC/HU"), ("p", "ĐẢNG CỘNG SẢN VIỆT NAM"),
            ("p", f"Tân Thạnh, ngày {r.randint(25, 28)} tháng {self.last_month} năm {self.year}"),
            ("p", "BÁO CÁO"), ("p", f"kết quả thực hiện nhiệm vụ quý {q}/{self.year}"),
            ("p", "-----"),
            ("p", f"I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ {q}/{self.year}"),
        ]
        tail: list[tuple[str, object]] = [
            ("p", "II. ĐÁNH GIÁ CHUNG"), ("p", "1. Ưu điểm"), ("p", PLAIN[0] + " " + PLAIN[6]),
            ("p", "2. Hạn chế, khuyết điểm"), ("p", PLAIN[3] + " " + PLAIN[8]),
            ("p", "3. Nguyên nhân"), ("p", PLAIN[9] + " " + PLAIN[4]),
            ("p", f"III. NHIỆM VỤ TRỌNG TÂM QUÝ {nq}/{nyear}"),
            ("p", "1. " + PLAIN[5]), ("p", "2. " + PLAIN[1]),
            ("p", "Nơi nhận:"), ("p", "- Ban Thường vụ Tỉnh ủy (báo cáo),"), ("p", "- Các đồng chí Huyện ủy viên,"),
            ("p", "- Lưu Văn phòng Huyện ủy."), ("p", "T/M BAN THƯỜNG VỤ"), ("p", "PHÓ BÍ THƯ"),
            ("p", "Trần Minh Khoa"),
        ]
        size = sum(len(str(t).encode()) + 1 for _, t in blocks + tail)
        item = 0
        while size < target_bytes:
            item += 1
            h = f"{item}. {HEAD_PARTS[(item - 1) % len(HEAD_PARTS)].capitalize()}"
            blocks.append(("p", h))
            size += len(h.encode()) + 1
            for sub in "abcd"[: r.randint(2, 4)]:
                if size >= target_bytes:
                    break
                h = f"{sub}) {r.choice(SUB_HEADS)}"
                blocks.append(("p", h))
                size += len(h.encode()) + 1
                for _ in range(r.randint(1, 3)):
                    text = self.paragraph()
                    if r.random() < 0.3:
                        text = "- " + text
                    blocks.append(("p", text))
                    size += len(text.encode()) + 1
                if r.random() < 0.12:
                    rows = self.table()
                    blocks.append(("t", rows))
                    size += sum(len(c.encode()) + 1 for row in rows for c in row)
        return blocks + tail


def blocks_for(scale: float, seed: int = 7) -> list[tuple[str, object]]:
    return Gen(seed).report(int(UNIT_BYTES * scale))


def write_txt(blocks: list[tuple[str, object]], path: Path) -> None:
    lines: list[str] = []
    for kind, content in blocks:
        if kind == "p":
            lines.append(str(content))
        else:  # a table exported as text: one row a line, cells separated by tabs
            lines.extend("\t".join(row) for row in content)  # type: ignore[union-attr]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_docx(blocks: list[tuple[str, object]], path: Path) -> None:
    import docx
    from docx.oxml.parser import OxmlElement
    from docx.shared import Pt
    from docx.text.paragraph import Paragraph

    d = docx.Document()
    d.styles["Normal"].font.name = "Times New Roman"
    d.styles["Normal"].font.size = Pt(14)
    body = d.element.body
    sect = body.sectPr
    for kind, content in blocks:
        if kind == "p":
            text = str(content)
            el = OxmlElement("w:p")
            # insert before w:sectPr directly: python-docx's add_paragraph searches the body each time
            sect.addprevious(el)
            run = Paragraph(el, d._body).add_run(text)
            head = text.split(".")[0]
            if len(text) < 90 and (head.isdigit() or head.isupper()):
                run.bold = True  # typed headings "I. …", "1. …" are bold, as in real reports
        else:
            rows = content  # type: ignore[assignment]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))  # type: ignore[arg-type]
            t.style = "Table Grid"
            for row, values in zip(t.rows, rows):  # type: ignore[arg-type]
                for cell, value in zip(row.cells, values):
                    cell.text = value
    d.save(str(path))


def text_bytes(blocks: list[tuple[str, object]]) -> int:
    n = 0
    for kind, content in blocks:
        if kind == "p":
            n += len(str(content).encode())
        else:
            n += sum(len(c.encode()) for row in content for c in row)  # type: ignore[union-attr]
    return n


def ensure(scale: float, out: Path, seed: int = 7, formats: tuple[str, ...] = ("txt", "docx")) -> dict[str, Path]:
    """Writes (or reuses) the synthetic report of `scale` in `out`; returns {format: path}."""
    out.mkdir(parents=True, exist_ok=True)
    label = f"{scale:g}x"
    paths = {fmt: out / f"synth-v{VERSION}-s{seed}-{label}.{fmt}" for fmt in formats}
    if all(p.exists() for p in paths.values()):
        return paths
    blocks = blocks_for(scale, seed)
    for fmt, p in paths.items():
        if p.exists():
            continue
        tmp = p.with_name(p.name + ".tmp")
        (write_txt if fmt == "txt" else write_docx)(blocks, tmp)
        tmp.replace(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, action="append", help="multiples of a 50 KB report (repeatable)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    args = ap.parse_args()
    for s in args.scale or [1, 4, 16, 64]:
        for fmt, p in ensure(s, args.out, args.seed).items():
            print(f"{p}  ({p.stat().st_size / 1024:.0f} KB on disk)")


if __name__ == "__main__":
    main()
