"""The signature block of a plain-text official report: two columns (the recipients left, the
signature right), a rank before the signer's name, a family name outside the common list.
"""
from __future__ import annotations

from assistant.facts.named import signature_name, signer_facts

OFFICIAL = """CÔNG AN TỈNH ĐIỆN BIÊN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                                Độc lập - Tự do - Hạnh phúc
Số: 977/BC-CAT-PV05                          Điện Biên, ngày 14 tháng 12 năm 2023

                                   BÁO CÁO
      Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023

Thực hiện Kế hoạch số 31/KH-UBND ngày 20/02/2023 của Ủy ban nhân dân tỉnh, Công an tỉnh báo cáo kết quả như sau.

Năm 2023, toàn tỉnh duy trì 1.146 mô hình tự quản về an ninh, trật tự.

Đồng chí Lò Văn Thắng, Phó Chủ tịch UBND tỉnh dự và phát biểu chỉ đạo hội nghị.

Nơi nhận:                                          KT. GIÁM ĐỐC
- Bộ Công an (V05);                                 PHÓ GIÁM ĐỐC
- UBND tỉnh;
- Lưu: VT, PV05.                                     (Đã ký)

                                                  Đại tá Quàng Văn Hưng
"""
NEWS = """Kon Tum sơ kết phong trào toàn dân bảo vệ an ninh Tổ quốc

Năm 2023, toàn tỉnh duy trì 860 mô hình tự quản về an ninh, trật tự.
"""


def test_the_signer_stands_right_of_the_recipients_under_the_offices():
    fact, = signer_facts(OFFICIAL, "Điện Biên")
    assert fact.name == "Quàng Văn Hưng" and fact.title == "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"
    assert OFFICIAL[fact.passage_start:fact.passage_end].startswith("KT. GIÁM ĐỐC")
    assert signature_name(NEWS, 0, len(NEWS)) is None  # a news page has no signature
