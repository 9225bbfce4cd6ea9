"""The one reading of a Word document's XML: a paragraph's text and lines, a row's cells by grid column."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from iku import xml_word

TABEL = f"""<w:tbl {nsdecls("w")}>
  <w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
  <w:tr>
    <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>NO </w:t></w:r><w:r><w:t>DAN NAMA</w:t></w:r></w:p></w:tc>
    <w:tc><w:p/></w:tc>
    <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>TARGET</w:t><w:br/><w:t>2024</w:t></w:r></w:p></w:tc>
  </w:tr>
  <w:tr>
    <w:trPr><w:gridBefore w:val="1"/></w:trPr>
    <w:tc><w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t></w:r></w:p></w:tc>
    <w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr><w:p/></w:tc>
  </w:tr>
</w:tbl>"""


def test_sel_menurut_kolom_grid():
    """Spans move the next cell along; a row that starts late (w:gridBefore) starts at its column."""
    tbl = parse_xml(TABEL)
    baris = tbl.findall(f"{{{tbl.nsmap['w']}}}tr")
    assert [(k, xml_word.rentang(tc)) for k, tc in xml_word.sel_berkolom(baris[0])] == [(0, 2), (2, 1), (3, 2)]
    assert [(k, xml_word.rentang(tc)) for k, tc in xml_word.sel_berkolom(baris[1])] == [(1, 1), (2, 3)]


def test_teks_dan_baris_paragraf():
    """The text of runs joined as they stand (a tab adds nothing); lines split at w:br."""
    tbl = parse_xml(TABEL)
    sel = [tc for tr in tbl.iterchildren() for _, tc in xml_word.sel_berkolom(tr)]
    assert [xml_word.teks(tc) for tc in sel] == ["NO DAN NAMA", "", "TARGET2024", "ab", ""]
    p = sel[2].find(f"{{{tbl.nsmap['w']}}}p")
    assert xml_word.baris_teks(p) == ["TARGET", "2024"]
    assert xml_word.teks(tbl) == "NO DAN NAMATARGET2024ab"
