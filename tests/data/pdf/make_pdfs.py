"""Builds the PDF fixtures of the PDF reader tests with LibreOffice (not needed to run the tests: the
PDFs are committed, since CI has no LibreOffice).

    .venv/bin/python tests/data/pdf/make_pdfs.py

- `bao-cao-quy-iii-2024-huyen-uy-tan-hoa.pdf`, `bao-cao-ubnd-xa-phu-an-thang-10-2024.pdf`: the two Word
  samples of samples/ exported by LibreOffice (`soffice --convert-to pdf`), for the parity test: the same
  checks on the .docx and on its PDF find the same figure findings.
- `bo-cuc-word.docx` and its PDF: a report of our own written to exercise what Word layouts do to a PDF:
  a page number field and a running footer on every page, a long table with a two-row merged header that
  is repeated on the next page (a total row at its end), footnotes, a two-column header and the
  recipients beside the signature. Its text is original; its figures are consistent except the ones
  noted in `ERRORS` below.

The profile LibreOffice uses is a private temporary folder. PDFs carry the creation date LibreOffice
writes; everything else is deterministic.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SAMPLES = ("bao-cao-quy-iii-2024-huyen-uy-tan-hoa.docx", "bao-cao-ubnd-xa-phu-an-thang-10-2024.docx")
LAYOUTS = "bo-cuc-word.docx"
# deliberate errors of bo-cuc-word.docx: the total of "Hộ nghèo" (column 4) is 280, the rows add up to 270
ERRORS = {"AR101": 1}


def _samples_module():
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "samples" / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COMMUNES = ["Tân Phước", "Phú An", "Long Điền", "Mỹ Thạnh", "Tân Lập", "Hòa Bình", "Thạnh Phú", "An Nhơn",
            "Bình Minh", "Phước Hưng", "Tân Hưng", "Long Hòa", "Mỹ Hòa", "Tân Thành", "Phú Lợi", "An Thạnh",
            "Hưng Lợi", "Tân Hội", "Long Phú", "Bình Thạnh", "Phước Lộc", "Tân Mỹ", "Hòa Lợi", "An Phú"]


def layouts_docx(path: Path) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    m = _samples_module()
    r = m.Report()
    section = r.doc.sections[0]
    # a page number field centred in the page header, a running footer
    hp = section.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = hp.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    fp = section.footer.paragraphs[0]
    fp.text = "Báo cáo tình hình giảm nghèo năm 2024 - UBND huyện Tân Hòa"
    r.header_table(
        left_top=[("ỦY BAN NHÂN DÂN", True, False), ("HUYỆN TÂN HÒA", True, False)],
        right_top=[("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False), ("Độc lập - Tự do - Hạnh phúc", True, False)],
        left_bottom=[("Số: 214/BC-UBND", False, False)],
        right_bottom=[("Tân Hòa, ngày 20 tháng 12 năm 2024", False, True)],
    )
    r.doc.add_paragraph()
    r.center("BÁO CÁO", size=14)
    r.center("Kết quả thực hiện chương trình giảm nghèo bền vững năm 2024 trên địa bàn huyện")
    r.heading("I. KẾT QUẢ THỰC HIỆN")
    r.para("Năm 2024, Ủy ban nhân dân huyện tập trung chỉ đạo các xã rà soát hộ nghèo, hộ cận nghèo theo "
           "chuẩn nghèo đa chiều; toàn huyện có 24 xã, thị trấn thực hiện rà soát đúng quy trình"
           "[[fn:Rà soát theo Thông tư số 07/2021/TT-BLĐTBXH ngày 18/7/2021; 24/24 xã, thị trấn hoàn thành "
           "trước ngày 15/11/2024, đạt 100%.]]. Kết quả cụ thể từng xã như sau:")
    for k in range(3):
        r.para("Các xã đã tổ chức bình xét công khai, dân chủ tại thôn, ấp; kết quả rà soát được niêm yết "
               "tại trụ sở Ủy ban nhân dân xã và nhà văn hóa các ấp trong thời gian quy định, không có khiếu nại. "
               "Ban Chỉ đạo huyện thành lập các đoàn kiểm tra, giám sát việc rà soát tại các xã.")
    rows = []
    totals = [0, 0, 0]
    for k, name in enumerate(COMMUNES, 1):
        households = 1200 + 37 * k
        poor = 5 + (k * 7) % 13
        near = 8 + (k * 5) % 11
        totals = [totals[0] + households, totals[1] + poor, totals[2] + near]
        rows.append([str(k), f"Xã {name}", f"{households:,}".replace(",", "."), str(poor), str(near)])
    rows.append(["", "Tổng cộng", f"{totals[0]:,}".replace(",", "."), str(totals[1] + 10), str(totals[2])])
    table = r.data_table(["TT", "Xã, thị trấn", "Tổng số hộ", "Trong đó", ""],
                         [["", "", "", "Hộ nghèo", "Hộ cận nghèo"], *rows],
                         [Cm(1.2), Cm(5), Cm(3), Cm(3), Cm(3.2)])
    # a two-row header: "Trong đó" over its two columns, the others over both rows; repeated on each page
    for c in range(3):
        table.cell(0, c).merge(table.cell(1, c))
    table.cell(0, 3).merge(table.cell(0, 4))
    for k in range(2):
        trpr = table.rows[k]._tr.get_or_add_trPr()
        mark = OxmlElement("w:tblHeader")
        mark.set(qn("w:val"), "true")
        trpr.append(mark)
    r.para("Tỷ lệ hộ nghèo toàn huyện giảm còn 0,62%, giảm 0,41% so với năm 2023"
           "[[fn:Năm 2023 tỷ lệ hộ nghèo toàn huyện là 1,03%.]]; thu nhập bình quân đầu người đạt 68,5 triệu "
           "đồng/năm, tăng 7,2% so với cùng kỳ.")
    r.heading("II. HẠN CHẾ VÀ NGUYÊN NHÂN")
    r.para("- Một số hộ thoát nghèo chưa bền vững, nguy cơ tái nghèo còn cao; nguyên nhân là do thiên tai, "
           "dịch bệnh và thiếu vốn sản xuất.")
    r.heading("III. NHIỆM VỤ NĂM 2025")
    r.para("- Phấn đấu giảm tỷ lệ hộ nghèo còn dưới 0,5%; hỗ trợ vốn vay ưu đãi cho 150 hộ nghèo, hộ cận nghèo.")
    r.closing_table(
        ["Nơi nhận:", "- UBND tỉnh (để báo cáo);", "- Sở Lao động - TB&XH;", "- Các xã, thị trấn;", "- Lưu: VT."],
        [("TM. ỦY BAN NHÂN DÂN", True, False), ("KT. CHỦ TỊCH", True, False), ("PHÓ CHỦ TỊCH", True, False),
         ("", False, False), ("", False, False), ("", False, False), ("Nguyễn Văn Hòa", True, False)],
    )
    r.save(path)


def convert(docs: list[Path], outdir: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed to build the PDF fixtures")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, "--headless", f"-env:UserInstallation={Path(tmp).as_uri()}", "--convert-to", "pdf",
                        "--outdir", str(outdir), *map(str, docs)], check=True, capture_output=True, timeout=600)


def main() -> int:
    layouts = HERE / LAYOUTS
    layouts_docx(layouts)
    convert([ROOT / "samples" / s for s in SAMPLES] + [layouts], HERE)
    for f in sorted(HERE.glob("*.pdf")):
        print(f"{f.name}: {f.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
