"""Write the dev eval's official reports, ``evals/dev_reports/``: four fictional reports to tune on.

The transfer set (``generate_reports.py``) is held out, and ``corpus/`` holds only news articles, so
nothing the team may look at had a header block ("Số: 1127/BC-CAT-PV05"), a dateline, data tables,
per-district lists, "Nơi nhận" or a signature block. These four reports give ``evals/dev_docs.jsonl``
such documents to develop on; they were written without reading the transfer reports. People,
numbers and document numbers are invented.

Like the transfer reports, every run writes the same bytes (``report_layout``: fixed DOCX core
properties and ZIP timestamps, reportlab's ``invariant`` mode), every table's total row is checked,
and ``tests/test_dev_docs_set.py`` regenerates the files into a temporary folder and compares.
Contents are data (``Official`` values below). Run from the repository root::

    .venv/bin/python evals/generate_dev_reports.py [--out evals/dev_reports]
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_layout import Bullets, Heading, Official, Para, Table, write_all

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evals" / "dev_reports"


# ------------------------------------------------------------------------------------- contents

HA_GIANG = Official(
    file="d01_ha-giang-2023.txt",
    issuer=("BỘ CÔNG AN", "CÔNG AN TỈNH HÀ GIANG"),
    number="Số: 1127/BC-CAT-PV05",
    dateline="Hà Giang, ngày 14 tháng 12 năm 2023",
    kind="BÁO CÁO",
    title="Kết quả thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023 và phương hướng, nhiệm vụ năm 2024",
    body=(
        Heading("I. TÌNH HÌNH CHUNG"),
        Para("Hà Giang là tỉnh miền núi, biên giới ở cực Bắc của Tổ quốc, có 11 huyện, thành phố với 193 xã, "
             "phường, thị trấn và 2.071 thôn, tổ dân phố; dân số khoảng 906.000 người, đồng bào dân tộc thiểu số "
             "chiếm hơn 87%."),
        Heading("II. KẾT QUẢ THỰC HIỆN NĂM 2023"),
        Heading("1. Công tác tham mưu, chỉ đạo"),
        Para("Công an tỉnh đã tham mưu UBND tỉnh ban hành Kế hoạch số 38/KH-UBND ngày 20/02/2023 về thực hiện "
             "phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023 trên địa bàn tỉnh."),
        Para("Công an tỉnh phối hợp với Ủy ban MTTQ Việt Nam tỉnh ký kết Chương trình phối hợp số "
             "05/CTPH-CAT-MTTQ ngày 06/3/2023 về vận động nhân dân tham gia bảo vệ an ninh, trật tự ở khu dân cư."),
        Para("Giám đốc Công an tỉnh ban hành 14 văn bản chỉ đạo, hướng dẫn Công an các huyện, thành phố và tổ "
             "chức 02 đoàn kiểm tra công tác xây dựng phong trào tại 6 huyện biên giới."),
        Heading("2. Công tác tuyên truyền, vận động"),
        Para("Năm 2023, lực lượng Công an toàn tỉnh phối hợp tổ chức 3.418 buổi tuyên truyền với hơn 214.000 "
             "lượt người tham dự, tăng 326 buổi so với năm 2022 (năm 2022 tổ chức 3.092 buổi)."),
        Para("Toàn tỉnh duy trì 1.354 nhóm Zalo an ninh, trật tự ở thôn, tổ dân phố với gần 68.000 thành viên, "
             "qua đó tiếp nhận nhiều thông tin có giá trị."),
        Heading("3. Xây dựng, nhân rộng mô hình tự quản"),
        Para("Đến nay, toàn tỉnh duy trì 1.126 mô hình tự quản về an ninh, trật tự; trong năm 2023 xây dựng mới "
             "58 mô hình, củng cố 214 mô hình hoạt động chưa hiệu quả."),
        Para("Tiêu biểu là các mô hình “Dòng họ tự quản về an ninh, trật tự” ở huyện Đồng Văn, “Cột mốc biên "
             "giới - Hàng rào an ninh” ở huyện Mèo Vạc, “Tiếng loa an ninh biên giới” ở huyện Xín Mần và “Camera "
             "an ninh thôn bản” ở huyện Vị Xuyên."),
        Para("Toàn tỉnh duy trì 1.946 tổ tự quản với 12.380 thành viên, 100% thôn, tổ dân phố có tổ bảo vệ an "
             "ninh, trật tự."),
        Para("Năm 2023, các địa phương lắp đặt mới 486 camera an ninh, nâng tổng số camera an ninh trên địa bàn "
             "tỉnh lên 2.315 camera, với kinh phí xã hội hóa khoảng 3,8 tỷ đồng."),
        Heading("4. Kết quả tham gia phòng ngừa, đấu tranh với tội phạm"),
        Para("Năm 2023, quần chúng nhân dân cung cấp cho cơ quan Công an 1.482 tin báo, tố giác tội phạm, tăng "
             "130 tin so với năm 2022 (1.352 tin)."),
        Para("Từ các nguồn tin trên, lực lượng Công an đã phát hiện, xử lý 167 vụ việc vi phạm pháp luật, bắt giữ "
             "94 đối tượng mua bán, tàng trữ trái phép chất ma túy."),
        Para("Công an các địa phương đã vận động 23 đối tượng truy nã ra đầu thú và vận động nhân dân tự nguyện "
             "giao nộp 146 khẩu súng tự chế, gần 1,2 kg thuốc nổ."),
        Para("Đến cuối năm 2023, toàn tỉnh có 179/193 xã, phường, thị trấn đạt tiêu chuẩn “An toàn về an ninh, "
             "trật tự”, đạt 92,7%; 1.984/2.071 thôn, tổ dân phố đạt danh hiệu “An toàn về an ninh, trật tự”, "
             "đạt 95,8%."),
        Heading("5. Kết quả tại một số huyện, thành phố"),
        Bullets((
            ("- Huyện Đồng Văn: duy trì 134 mô hình tự quản, tiếp nhận 156 tin báo, tố giác tội phạm, vận động 4 "
             "đối tượng truy nã ra đầu thú."),
            ("- Huyện Mèo Vạc: duy trì 121 mô hình tự quản, lắp đặt mới 64 camera an ninh, tổ chức 386 buổi tuyên "
             "truyền."),
            ("- Huyện Vị Xuyên: duy trì 142 mô hình tự quản, lắp đặt mới 118 camera an ninh, tiếp nhận 231 tin báo, "
             "tố giác tội phạm."),
            ("- Huyện Bắc Quang: duy trì 156 mô hình tự quản, lắp đặt mới 97 camera an ninh, tiếp nhận 244 tin báo, "
             "tố giác tội phạm."),
            ("- Thành phố Hà Giang: lắp đặt mới 132 camera an ninh, tiếp nhận 198 tin báo, tố giác tội phạm, duy trì "
             "87 nhóm Zalo an ninh, trật tự."),
            "- Huyện Xín Mần: duy trì 98 mô hình tự quản, vận động nhân dân giao nộp 31 khẩu súng tự chế.",
        )),
        Heading("6. Ngày hội toàn dân bảo vệ an ninh Tổ quốc và công tác khen thưởng"),
        Para("Ngày 16/8/2023, tại xã Lũng Cú, huyện Đồng Văn, Công an tỉnh phối hợp với Ủy ban MTTQ Việt Nam "
             "tỉnh tổ chức điểm Ngày hội toàn dân bảo vệ an ninh Tổ quốc cấp tỉnh."),
        Para("Dự Ngày hội có Đại tá Vương Đình Khải, Giám đốc Công an tỉnh; ông Triệu Minh Long, Phó Chủ tịch "
             "UBND tỉnh và bà Lục Thị Hằng, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh."),
        Para("Tại Ngày hội, các đơn vị đã trao 120 suất quà cho hộ nghèo, mỗi suất trị giá 500.000 đồng, và bàn "
             "giao 2 công trình “Thắp sáng đường biên” trị giá 180 triệu đồng."),
        Para("Năm 2023, Giám đốc Công an tỉnh tặng Giấy khen cho 18 tập thể và 32 cá nhân; Chủ tịch UBND tỉnh "
             "tặng Bằng khen cho 6 tập thể và 9 cá nhân có thành tích xuất sắc trong phong trào."),
        Heading("III. TỒN TẠI, HẠN CHẾ"),
        Para("Một số mô hình tự quản hoạt động còn hình thức, chưa duy trì sinh hoạt thường xuyên; việc lắp đặt "
             "camera an ninh ở các thôn vùng cao còn khó khăn do thiếu kinh phí và hạ tầng viễn thông."),
        Heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
        Para("Năm 2024, phấn đấu xây dựng mới ít nhất 40 mô hình tự quản, lắp đặt thêm ít nhất 300 camera an ninh "
             "tại các thôn, bản biên giới."),
        Para("Phấn đấu tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn “An toàn về an ninh, trật tự” từ 94% trở lên và "
             "tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc ở 100% thôn, tổ dân phố."),
        Para("Trên đây là báo cáo kết quả thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023 của Công "
             "an tỉnh Hà Giang./."),
    ),
    recipients=("Nơi nhận:", "- Bộ Công an (Cục V05);", "- Thường trực Tỉnh ủy, UBND tỉnh;",
                "- Ủy ban MTTQ Việt Nam tỉnh;", "- Lãnh đạo Công an tỉnh;", "- Lưu: VT, PV05."),
    signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    signer="Đại tá Sần Quốc Hưng",
    date=dt.date(2023, 12, 14),
    province="Hà Giang",
    author="Công an tỉnh Hà Giang",
)


DAK_LAK = Official(
    file="d02_dak-lak-2022-2023.docx",
    issuer=("BỘ CÔNG AN", "CÔNG AN TỈNH ĐẮK LẮK"),
    number="Số: 2096/BC-CAT-PV05",
    dateline="Đắk Lắk, ngày 20 tháng 12 năm 2023",
    kind="BÁO CÁO",
    title="Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023",
    body=(
        Heading("I. KẾT QUẢ THỰC HIỆN NĂM 2023"),
        Heading("1. Công tác chỉ đạo, hướng dẫn"),
        Para("Thực hiện Kế hoạch số 28/KH-UBND ngày 10/02/2023 của UBND tỉnh, Công an tỉnh ban hành Kế hoạch số "
             "386/KH-CAT-PV05 ngày 24/02/2023 hướng dẫn Công an các đơn vị, địa phương triển khai phong trào toàn "
             "dân bảo vệ an ninh Tổ quốc năm 2023."),
        Para("Công an tỉnh phối hợp với Ủy ban MTTQ Việt Nam tỉnh và các tổ chức thành viên ban hành 06 chương "
             "trình phối hợp, tập trung vào địa bàn vùng đồng bào dân tộc thiểu số, vùng có đạo."),
        Heading("2. Công tác tuyên truyền, vận động quần chúng"),
        Para("Năm 2023, Công an các cấp phối hợp tổ chức 4.630 buổi tuyên truyền với 412.500 lượt người tham dự, "
             "tăng 415 buổi so với năm 2022."),
        Para("Lực lượng Công an đã phối hợp với già làng, người có uy tín tổ chức 1.216 buổi nói chuyện tại các "
             "buôn đồng bào dân tộc thiểu số, vận động gần 2.300 hộ gia đình ký cam kết không vi phạm pháp luật."),
        Heading("3. Xây dựng, nhân rộng mô hình"),
        Para("Toàn tỉnh hiện duy trì 1.377 mô hình tự quản về an ninh, trật tự, tăng 59 mô hình so với năm 2022, "
             "trong đó có 412 mô hình tại các buôn đồng bào dân tộc thiểu số."),
        Para("Nhiều mô hình phát huy hiệu quả như “Buôn làng tự quản về an ninh, trật tự” ở huyện Krông Pắc, “Già "
             "làng giữ bình yên buôn làng” ở huyện Ea Súp, “Tổ tự quản vườn cà phê” ở huyện Cư M'gar và “Camera "
             "giám sát - Phố bình yên” ở thành phố Buôn Ma Thuột."),
        Para("Năm 2023, các địa phương lắp đặt mới 2.146 camera an ninh, nâng tổng số camera an ninh toàn tỉnh "
             "lên 9.870 camera, với kinh phí xã hội hóa hơn 12,6 tỷ đồng."),
        Para("Quỹ phòng, chống tội phạm các cấp vận động được 1,85 tỷ đồng, hỗ trợ 214 thành viên tổ bảo vệ an "
             "ninh, trật tự ở cơ sở có hoàn cảnh khó khăn."),
        Heading("4. Kết quả tại các huyện, thị xã, thành phố"),
        Para("Kết quả năm 2023 tại các huyện, thị xã, thành phố như sau:"),
        Table(
            columns=("Đơn vị", "Mô hình tự quản", "Camera lắp mới", "Tin báo tội phạm"),
            rows=(
                ("Thành phố Buôn Ma Thuột", "166", "418", "372"),
                ("Thị xã Buôn Hồ", "68", "124", "96"),
                ("Huyện Ea H'leo", "94", "142", "131"),
                ("Huyện Ea Súp", "81", "96", "104"),
                ("Huyện Buôn Đôn", "72", "88", "86"),
                ("Huyện Cư M'gar", "101", "165", "142"),
                ("Huyện Krông Búk", "63", "84", "71"),
                ("Huyện Krông Năng", "100", "147", "144"),
                ("Huyện Ea Kar", "116", "174", "178"),
                ("Huyện M'Đrắk", "76", "92", "97"),
                ("Huyện Krông Bông", "79", "87", "102"),
                ("Huyện Krông Pắc", "118", "212", "176"),
                ("Huyện Krông A Na", "84", "117", "109"),
                ("Huyện Lắk", "73", "79", "92"),
                ("Huyện Cư Kuin", "86", "121", "112"),
            ),
            total=("Toàn tỉnh", "1.377", "2.146", "2.012"),
        ),
        Para("Thành phố Buôn Ma Thuột dẫn đầu toàn tỉnh về số camera an ninh lắp mới và số tin báo tội phạm tiếp "
             "nhận, huyện Krông Pắc đứng thứ hai với 212 camera lắp mới."),
        Heading("5. So sánh với năm 2022"),
        Table(
            columns=("Chỉ tiêu", "Năm 2022", "Năm 2023"),
            rows=(
                ("Buổi tuyên truyền", "4.215", "4.630"),
                ("Lượt người tham dự", "386.000", "412.500"),
                ("Mô hình tự quản", "1.318", "1.377"),
                ("Camera lắp mới", "1.702", "2.146"),
                ("Tin báo tội phạm", "1.874", "2.012"),
                ("Đối tượng truy nã ra đầu thú", "31", "38"),
                ("Vũ khí, vật liệu nổ thu hồi", "212", "245"),
            ),
        ),
        Para("Tin báo, tố giác tội phạm do quần chúng cung cấp năm 2023 tăng 7,4% so với năm 2022, giúp cơ quan "
             "Công an làm rõ 326 vụ việc."),
        Heading("6. Ngày hội toàn dân bảo vệ an ninh Tổ quốc và khen thưởng"),
        Para("Ngày 18/8/2023, tại buôn Kô Siêr, xã Ea Tu, thành phố Buôn Ma Thuột, Công an tỉnh phối hợp tổ chức "
             "điểm Ngày hội toàn dân bảo vệ an ninh Tổ quốc cấp tỉnh."),
        Para("Dự Ngày hội có bà H'Liên Niê, Phó Chủ tịch UBND tỉnh, cùng lãnh đạo Công an tỉnh, Ủy ban MTTQ Việt "
             "Nam tỉnh và hơn 1.500 người dân trong buôn."),
        Para("Giám đốc Công an tỉnh tặng Giấy khen cho 24 tập thể và 41 cá nhân; Chủ tịch UBND tỉnh tặng Bằng "
             "khen cho 8 tập thể và 12 cá nhân có thành tích xuất sắc trong phong trào năm 2023."),
        Para("Toàn tỉnh có 165/184 xã, phường, thị trấn đạt tiêu chuẩn “An toàn về an ninh, trật tự”, đạt 89,7%."),
        Heading("II. TỒN TẠI, HẠN CHẾ"),
        Para("Một số mô hình ở vùng sâu, vùng xa hoạt động chưa thường xuyên; số camera an ninh ở các huyện phía "
             "Đông như M'Đrắk, Krông Bông còn ít so với yêu cầu."),
        Heading("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
        Para("Năm 2024, phấn đấu xây dựng mới ít nhất 50 mô hình tự quản, lắp đặt thêm ít nhất 1.500 camera an "
             "ninh, trong đó ưu tiên các buôn vùng sâu, vùng xa."),
        Para("Phấn đấu tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn “An toàn về an ninh, trật tự” từ 92% trở lên, "
             "100% tin báo, tố giác tội phạm được tiếp nhận, phân loại và giải quyết đúng quy định."),
        Para("Tiếp tục thực hiện Kế hoạch số 386/KH-CAT-PV05 và tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc "
             "năm 2024 ở 100% buôn, thôn, tổ dân phố."),
    ),
    recipients=("Nơi nhận:", "- Cục V05 - Bộ Công an;", "- Thường trực Tỉnh ủy, UBND tỉnh;",
                "- Ban Giám đốc Công an tỉnh;", "- Lưu: VT, PV05."),
    signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    signer="Đại tá Nguyễn Hữu Thạch",
    date=dt.date(2023, 12, 20),
    province="Đắk Lắk",
    author="Công an tỉnh Đắk Lắk",
)


LONG_AN = Official(
    file="d03_long-an-2024.md",
    issuer=("UBND TỈNH LONG AN", "BAN CHỈ ĐẠO 138"),
    number="Số: 74/BC-BCĐ",
    dateline="Long An, ngày 14 tháng 6 năm 2024",
    kind="BÁO CÁO",
    title="Sơ kết 6 tháng đầu năm 2024 phong trào toàn dân bảo vệ an ninh Tổ quốc, phương hướng, nhiệm vụ 6 "
          "tháng cuối năm 2024",
    body=(
        Heading("I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2024"),
        Heading("1. Công tác lãnh đạo, chỉ đạo"),
        Para("Thực hiện Kế hoạch số 5214/KH-UBND ngày 28/12/2023 của UBND tỉnh về thực hiện phong trào toàn dân "
             "bảo vệ an ninh Tổ quốc năm 2024, Ban Chỉ đạo 138 tỉnh ban hành Kế hoạch số 26/KH-BCĐ ngày 18/01/2024 "
             "phân công nhiệm vụ cho các thành viên."),
        Para("Công an tỉnh là cơ quan thường trực, đã ban hành 09 văn bản hướng dẫn Công an các huyện, thị xã, "
             "thành phố triển khai phong trào gắn với Đề án 06 và phong trào thi đua “Vì an ninh Tổ quốc”."),
        Heading("2. Công tác tuyên truyền"),
        Para("Trong 6 tháng đầu năm 2024, các ngành, đoàn thể phối hợp tổ chức 1.236 buổi tuyên truyền với hơn "
             "98.000 lượt người tham dự, phát 35.000 tờ rơi về phòng, chống tội phạm ma túy, lừa đảo chiếm đoạt "
             "tài sản trên không gian mạng."),
        Para("Toàn tỉnh duy trì 2.046 nhóm Zalo “An ninh ấp, khu phố” với trên 161.000 thành viên, tiếp nhận và "
             "xử lý kịp thời nhiều phản ánh của người dân."),
        Heading("3. Xây dựng, nhân rộng mô hình"),
        Para("Đến ngày 31/5/2024, toàn tỉnh duy trì 2.184 mô hình tự quản về an ninh, trật tự, trong đó 6 tháng "
             "đầu năm xây dựng mới 37 mô hình."),
        Para("Các mô hình hoạt động hiệu quả gồm “Cụm dân cư an toàn vùng biên” ở huyện Đức Huệ, “Camera an ninh "
             "kết nối Zalo” ở huyện Đức Hòa, “Tổ tự quản tuyến kênh” ở huyện Tân Thạnh và “Ấp không ma túy” ở "
             "huyện Cần Giuộc."),
        Para("Trong 6 tháng, các địa phương lắp đặt mới 1.046 camera an ninh, nâng tổng số camera an ninh toàn "
             "tỉnh lên 15.820 camera, với kinh phí xã hội hóa khoảng 4,7 tỷ đồng."),
        Heading("4. Kết quả phòng ngừa, đấu tranh với tội phạm"),
        Para("Trong 6 tháng đầu năm 2024, quần chúng nhân dân cung cấp 642 tin báo, tố giác tội phạm, giảm 4,3% "
             "so với cùng kỳ năm 2023; cả năm 2023, toàn tỉnh tiếp nhận 1.318 tin báo, tố giác tội phạm."),
        Para("Từ nguồn tin của quần chúng, lực lượng Công an phát hiện 58 vụ, 97 đối tượng phạm tội về ma túy, "
             "vận động 9 đối tượng truy nã ra đầu thú."),
        Para("Đến nay, toàn tỉnh có 1.012/1.088 ấp, khu phố đạt tiêu chuẩn “An toàn về an ninh, trật tự”, đạt "
             "93,0%."),
        Heading("5. Kết quả tại một số huyện, thị xã, thành phố"),
        Bullets((
            ("- Huyện Đức Hòa: tiếp nhận 86 tin báo, tố giác tội phạm, lắp đặt mới 214 camera an ninh, duy trì 196 "
             "mô hình tự quản."),
            "- Huyện Bến Lức: tiếp nhận 71 tin báo, tố giác tội phạm, lắp đặt mới 158 camera an ninh.",
            ("- Huyện Cần Giuộc: tiếp nhận 64 tin báo, tố giác tội phạm, tổ chức 112 buổi tuyên truyền về phòng, "
             "chống ma túy."),
            "- Thành phố Tân An: lắp đặt mới 176 camera an ninh, duy trì 142 mô hình tự quản, 84 nhóm Zalo an ninh.",
            "- Huyện Đức Huệ: duy trì 118 mô hình tự quản, trong đó có 21 mô hình “Cụm dân cư an toàn vùng biên”.",
            "- Thị xã Kiến Tường: lắp đặt mới 63 camera an ninh, vận động 2 đối tượng truy nã ra đầu thú.",
            "- Huyện Tân Hưng: tiếp nhận 23 tin báo, tố giác tội phạm, duy trì 97 mô hình tự quản.",
        )),
        Heading("6. Hội nghị sơ kết"),
        Para("Ngày 05/6/2024, tại huyện Đức Huệ, Ban Chỉ đạo 138 tỉnh tổ chức hội nghị sơ kết 6 tháng đầu năm "
             "2024 phong trào toàn dân bảo vệ an ninh Tổ quốc."),
        Para("Hội nghị do Đại tá Đinh Quang Trường, Giám đốc Công an tỉnh, Phó Trưởng ban Thường trực Ban Chỉ đạo "
             "138 tỉnh chủ trì."),
        Para("Dự hội nghị có ông Trương Hoàng Phúc, Phó Chủ tịch UBND tỉnh và bà Võ Thị Ngọc Hân, Chủ tịch Ủy ban "
             "MTTQ Việt Nam tỉnh."),
        Para("Tại hội nghị, Ban Chỉ đạo tặng Giấy khen cho 12 tập thể và 19 cá nhân có thành tích xuất sắc trong "
             "6 tháng đầu năm 2024."),
        Heading("II. TỒN TẠI, HẠN CHẾ"),
        Para("Tội phạm lừa đảo chiếm đoạt tài sản trên không gian mạng tăng, trong khi một số mô hình ở các huyện "
             "vùng Đồng Tháp Mười hoạt động chưa hiệu quả."),
        Heading("III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024"),
        Para("Trong 6 tháng cuối năm 2024, phấn đấu xây dựng mới ít nhất 30 mô hình tự quản và lắp đặt thêm 800 "
             "camera an ninh tại các tuyến đường, ấp giáp biên giới."),
        Para("Phấn đấu đến cuối năm 2024, tỷ lệ ấp, khu phố đạt tiêu chuẩn “An toàn về an ninh, trật tự” từ 95% "
             "trở lên."),
        Para("Tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2024 ở 100% ấp, khu phố, hoàn thành trước ngày "
             "19/8/2024."),
    ),
    recipients=("Nơi nhận:", "- Ban Chỉ đạo 138/CP;", "- Thường trực Tỉnh ủy;", "- UBND tỉnh;",
                "- Thành viên BCĐ 138 tỉnh;", "- Lưu: VT, CAT (PV05)."),
    signature=("TM. BAN CHỈ ĐẠO", "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC"),
    signer="Đại tá Đinh Quang Trường",
    date=dt.date(2024, 6, 14),
    province="Long An",
    author="Ban Chỉ đạo 138 tỉnh Long An",
)


QUANG_TRI = Official(
    file="d04_quang-tri-2019-2023.pdf",
    issuer=("ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ"),
    number="Số: 58/BC-UBND",
    dateline="Quảng Trị, ngày 11 tháng 3 năm 2024",
    kind="BÁO CÁO",
    title="Tổng kết 05 năm thực hiện Kế hoạch số 45/KH-UBND ngày 12/3/2019 của UBND tỉnh về xây dựng phong trào "
          "toàn dân bảo vệ an ninh Tổ quốc giai đoạn 2019 - 2023",
    body=(
        Heading("I. KHÁI QUÁT TÌNH HÌNH"),
        Para("Quảng Trị có 10 đơn vị hành chính cấp huyện, 125 xã, phường, thị trấn, trong đó 13 xã biên giới "
             "thuộc huyện Hướng Hóa và huyện Đakrông, có đường biên giới dài 206 km với nước Cộng hòa Dân chủ Nhân "
             "dân Lào."),
        Para("Ngày 12/3/2019, UBND tỉnh ban hành Kế hoạch số 45/KH-UBND về xây dựng phong trào toàn dân bảo vệ an "
             "ninh Tổ quốc giai đoạn 2019 - 2023, giao Công an tỉnh là cơ quan thường trực, chủ trì tham mưu tổ "
             "chức thực hiện."),
        Heading("II. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2019 - 2023"),
        Heading("1. Công tác chỉ đạo, triển khai"),
        Para("UBND tỉnh đã ban hành 27 văn bản chỉ đạo, hướng dẫn thực hiện Kế hoạch, trong đó có Chỉ thị số "
             "08/CT-UBND ngày 25/4/2020 về tăng cường công tác bảo đảm an ninh, trật tự vùng biên giới."),
        Para("Công an tỉnh và Bộ Chỉ huy Bộ đội Biên phòng tỉnh ký kết Quy chế phối hợp số 12/QC-CAT-BĐBP ngày "
             "20/6/2019, duy trì giao ban định kỳ 6 tháng một lần."),
        Heading("2. Công tác tuyên truyền, vận động"),
        Para("Trong 05 năm, các cấp, các ngành tổ chức hơn 11.200 buổi tuyên truyền với trên 860.000 lượt người "
             "tham dự, phát hành 145.000 tờ rơi bằng tiếng Việt, tiếng Vân Kiều, tiếng Pa Kô."),
        Heading("3. Xây dựng, nhân rộng mô hình"),
        Para("Năm 2019, toàn tỉnh xây dựng mới 412 mô hình tự quản về an ninh, trật tự; đến năm 2023, toàn tỉnh "
             "duy trì 1.037 mô hình, trong đó 13/13 xã biên giới đều có mô hình “Tổ tự quản đường biên, cột mốc”."),
        Para("Các mô hình tiêu biểu gồm “Mỗi già làng một cột mốc an ninh” ở huyện Hướng Hóa, “Bản làng không ma "
             "túy” ở huyện Đakrông, “Tuyến đường tự quản về an ninh, trật tự” ở thành phố Đông Hà và “Camera vì an "
             "ninh trật tự” ở huyện Vĩnh Linh."),
        Para("Giai đoạn 2019 - 2023, toàn tỉnh lắp đặt 3.870 camera an ninh với tổng kinh phí xã hội hóa khoảng "
             "28,4 tỷ đồng, trong đó ngân sách tỉnh hỗ trợ 6,5 tỷ đồng cho các xã biên giới."),
        Heading("4. Kết quả tại các địa phương"),
        Para("Kết quả giai đoạn 2019 - 2023 tại các huyện, thị xã, thành phố (số liệu do Công an tỉnh tổng hợp "
             "đến ngày 31/12/2023) như sau:"),
        Table(
            columns=("Đơn vị", "Mô hình duy trì", "Camera lắp đặt", "Tin báo tội phạm"),
            rows=(
                ("Thành phố Đông Hà", "156", "864", "1.248"),
                ("Thị xã Quảng Trị", "48", "236", "312"),
                ("Huyện Vĩnh Linh", "132", "512", "824"),
                ("Huyện Gio Linh", "118", "398", "702"),
                ("Huyện Cam Lộ", "86", "286", "496"),
                ("Huyện Triệu Phong", "124", "356", "736"),
                ("Huyện Hải Lăng", "117", "342", "684"),
                ("Huyện Hướng Hóa", "152", "548", "842"),
                ("Huyện Đakrông", "96", "312", "448"),
                ("Huyện đảo Cồn Cỏ", "8", "16", "23"),
            ),
            total=("Toàn tỉnh", "1.037", "3.870", "6.315"),
        ),
        Heading("5. Kết quả qua từng năm"),
        Table(
            columns=("Năm", "Buổi tuyên truyền", "Tin báo tội phạm", "Mô hình xây mới"),
            rows=(
                ("2019", "1.984", "1.102", "412"),
                ("2020", "2.106", "1.187", "168"),
                ("2021", "2.093", "1.236", "152"),
                ("2022", "2.461", "1.364", "141"),
                ("2023", "2.602", "1.426", "164"),
            ),
            total=("2019 - 2023", "11.246", "6.315", "1.037"),
        ),
        Para("Quần chúng nhân dân cung cấp 6.315 tin báo, tố giác tội phạm trong 05 năm, riêng năm 2023 là 1.426 "
             "tin, giúp lực lượng chức năng làm rõ 1.118 vụ việc."),
        Para("Lực lượng Công an đã vận động 87 đối tượng truy nã ra đầu thú, thu hồi 512 khẩu súng các loại và "
             "trên 46 kg vật liệu nổ."),
        Para("Tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn “An toàn về an ninh, trật tự” tăng từ 78,4% năm 2019 lên "
             "91,2% năm 2023."),
        Heading("6. Ngày hội toàn dân bảo vệ an ninh Tổ quốc và khen thưởng"),
        Para("Ngày 17/8/2023, tại xã Lìa, huyện Hướng Hóa, UBND tỉnh tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ "
             "quốc cấp tỉnh."),
        Para("Dự Ngày hội có ông Phan Đình Khôi, Phó Chủ tịch UBND tỉnh, Đại tá Trần Quốc Bảo, Giám đốc Công an "
             "tỉnh và bà Hồ Thị Kim Loan, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh."),
        Para("Trong 05 năm, Chủ tịch UBND tỉnh tặng Bằng khen cho 25 tập thể và 40 cá nhân, Giám đốc Công an tỉnh "
             "tặng Giấy khen cho 96 tập thể và 173 cá nhân có thành tích xuất sắc."),
        Heading("III. TỒN TẠI, HẠN CHẾ"),
        Para("Một số mô hình ở các xã vùng sâu hoạt động cầm chừng; tình trạng vận chuyển trái phép chất ma túy qua "
             "biên giới ở huyện Hướng Hóa còn diễn biến phức tạp."),
        Heading("IV. PHƯƠNG HƯỚNG GIAI ĐOẠN 2024 - 2028"),
        Para("Giai đoạn 2024 - 2028, phấn đấu 100% xã biên giới duy trì hiệu quả mô hình “Tổ tự quản đường biên, "
             "cột mốc” và xây dựng mới ít nhất 60 mô hình tự quản."),
        Para("Phấn đấu đến năm 2028, tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn “An toàn về an ninh, trật tự” từ "
             "95% trở lên, lắp đặt thêm 2.000 camera an ninh."),
        Para("UBND tỉnh giao Công an tỉnh chủ trì tham mưu xây dựng Kế hoạch thực hiện phong trào giai đoạn 2024 - "
             "2028, trình UBND tỉnh trước ngày 30/4/2024."),
    ),
    recipients=("Nơi nhận:", "- Bộ Công an (Cục V05);", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- CT, các PCT UBND tỉnh;",
                "- Công an tỉnh;", "- Lưu: VT, NC."),
    signature=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    signer="Phan Đình Khôi",
    date=dt.date(2024, 3, 11),
    province="Quảng Trị",
    author="Ủy ban nhân dân tỉnh Quảng Trị",
)


REPORTS = (HA_GIANG, DAK_LAK, LONG_AN, QUANG_TRI)


# ----------------------------------------------------------------------------------------- main

def generate(out: Path = OUT) -> list[Path]:
    """Check and write the four dev reports into ``out``; return the paths written."""
    return write_all(REPORTS, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write into (default: evals/dev_reports)")
    args = parser.parse_args(argv)
    for path in generate(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
