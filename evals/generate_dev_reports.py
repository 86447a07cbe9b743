"""Write the dev eval's official reports, ``evals/dev_reports/``: eight fictional reports to tune on.

The transfer set (``generate_reports.py``) is held out, and ``corpus/`` holds only news articles, so
nothing the team may look at had a header block ("Số: 1127/BC-CAT-PV05"), a dateline, data tables,
per-district lists, "Nơi nhận" or a signature block. These eight reports give ``evals/dev_docs.jsonl``
such documents to develop on; they were written without reading the transfer reports. People,
numbers and document numbers are invented.

Like the transfer reports, every run writes the same bytes (``report_layout``: fixed DOCX core
properties and ZIP timestamps, reportlab's ``invariant`` mode), every table's total row is checked,
and ``tests/test_dev_docs_set.py`` regenerates the files into a temporary folder and compares.
Contents are data (``Official`` values below). Run from the repository root::

    .venv/bin/python evals/generate_dev_reports.py [--out evals/dev_reports]
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_layout import Bullets, Heading, Official, Para, Table, command_line, write_all

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


THAI_NGUYEN = Official(
    file="d05_thai-nguyen-2023.docx",
    issuer=("BỘ CÔNG AN", "CÔNG AN TỈNH THÁI NGUYÊN"),
    number="Số: 1843/BC-CAT-PV05",
    dateline="Thái Nguyên, ngày 08 tháng 12 năm 2023",
    kind="BÁO CÁO",
    title="Kết quả thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023, phương "
          "hướng, nhiệm vụ năm 2024",
    body=(
        Heading("I. ĐẶC ĐIỂM TÌNH HÌNH"),
        Para("Thái Nguyên có 09 đơn vị hành chính cấp huyện gồm 03 thành phố và 06 huyện, với 172 "
             "xã, phường, thị trấn và 2.236 xóm, tổ dân phố; dân số khoảng 1,34 triệu người, có 8 "
             "dân tộc cùng sinh sống."),
        Heading("II. KẾT QUẢ THỰC HIỆN NĂM 2023"),
        Heading("1. Công tác tham mưu, chỉ đạo"),
        Para("Công an tỉnh tham mưu UBND tỉnh ban hành Kế hoạch số 47/KH-UBND ngày 03/3/2023 về thực hiện "
             "phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023 trên địa bàn tỉnh."),
        Para("Giám đốc Công an tỉnh ban hành Kế hoạch số 215/KH-CAT-PV05 ngày 14/3/2023 hướng dẫn Công an "
             "các huyện, thành phố triển khai phong trào gắn với Đề án 06 và chuyển đổi số."),
        Para("Công an tỉnh phối hợp với Ủy ban MTTQ Việt Nam tỉnh và Tỉnh đoàn ký kết Chương "
             "trình phối hợp số 09/CTPH-CAT-MTTQ-TĐ ngày 27/3/2023 về xây dựng “Xóm, tổ dân phố "
             "an toàn về an ninh, trật tự”."),
        Heading("2. Công tác tuyên truyền, vận động"),
        Para("Năm 2023, Công an các cấp phối hợp tổ chức 2.874 buổi tuyên truyền với gần 186.000 lượt người "
             "tham dự, đăng tải 412 tin, bài, phóng sự về phong trào trên báo, đài của tỉnh."),
        Para("Toàn tỉnh duy trì 2.108 nhóm Zalo, Facebook về an ninh, trật tự ở xóm, tổ dân phố với hơn "
             "143.000 thành viên, giúp người dân phản ánh kịp thời các vụ việc."),
        Heading("3. Xây dựng, nhân rộng mô hình"),
        Para("Đến hết năm 2023, toàn tỉnh duy trì 1.594 mô hình tự quản về an ninh, trật tự, trong đó xây "
             "dựng mới 87 mô hình; 2.236 xóm, tổ dân phố đều có tổ an ninh với tổng số 11.620 thành viên."),
        Para("Tiêu biểu là các mô hình “Xóm đồi chè bình yên” ở huyện Đại Từ, “Khu nhà trọ công nhân an "
             "toàn” ở thành phố Phổ Yên, “Camera giám sát vì an ninh trật tự” ở thành phố Thái Nguyên và "
             "“Dòng họ tự quản” ở huyện Định Hóa."),
        Para("Năm 2023, các địa phương lắp đặt mới 1.652 camera an ninh, nâng tổng số camera an ninh kết nối "
             "với cơ quan Công an lên 7.428 camera, với kinh phí xã hội hóa trên 9,3 tỷ đồng."),
        Heading("4. Kết quả tại các huyện, thành phố"),
        Para("Kết quả năm 2023 tại các huyện, thành phố như sau:"),
        Table(
            columns=("Đơn vị", "Mô hình duy trì", "Camera lắp mới", "Tin báo, tố giác"),
            rows=(
                ("Thành phố Thái Nguyên", "268", "412", "486"),
                ("Thành phố Sông Công", "112", "146", "131"),
                ("Thành phố Phổ Yên", "198", "284", "247"),
                ("Huyện Định Hóa", "154", "118", "92"),
                ("Huyện Phú Lương", "163", "142", "118"),
                ("Huyện Đồng Hỷ", "171", "139", "124"),
                ("Huyện Võ Nhai", "126", "87", "76"),
                ("Huyện Đại Từ", "225", "176", "163"),
                ("Huyện Phú Bình", "177", "148", "129"),
            ),
            total=("Toàn tỉnh", "1.594", "1.652", "1.566"),
        ),
        Para("Thành phố Thái Nguyên dẫn đầu toàn tỉnh về số camera lắp mới và số tin báo, tố giác; huyện Võ "
             "Nhai thấp nhất với 87 camera lắp mới."),
        Heading("5. So sánh với năm 2022"),
        Table(
            columns=("Chỉ tiêu", "Năm 2022", "Năm 2023"),
            rows=(
                ("Buổi tuyên truyền", "2.615", "2.874"),
                ("Mô hình tự quản duy trì", "1.507", "1.594"),
                ("Camera lắp mới", "1.389", "1.652"),
                ("Tin báo, tố giác tội phạm", "1.472", "1.566"),
                ("Đối tượng truy nã ra đầu thú", "27", "34"),
                ("Xã, phường, thị trấn đạt chuẩn an toàn", "151", "158"),
            ),
        ),
        Para("Tin báo, tố giác tội phạm do quần chúng cung cấp năm 2023 tăng 6,4% so với năm 2022, giúp lực "
             "lượng Công an làm rõ 284 vụ việc, bắt giữ 173 đối tượng."),
        Para("Đến cuối năm 2023, toàn tỉnh có 158/172 xã, phường, thị trấn đạt tiêu chuẩn “An toàn về an "
             "ninh, trật tự”, đạt 91,9%."),
        Heading("6. Ngày hội toàn dân bảo vệ an ninh Tổ quốc và khen thưởng"),
        Para("Ngày 11/8/2023, tại xóm Khuôn Ngàn, xã Quân Chu, huyện Đại Từ, Công an tỉnh phối hợp tổ chức "
             "điểm Ngày hội toàn dân bảo vệ an ninh Tổ quốc cấp tỉnh."),
        Para("Dự Ngày hội có ông Hà Xuân Khánh, Phó Chủ tịch UBND tỉnh, bà Dương Thị Lan Anh, Chủ tịch Ủy "
             "ban MTTQ Việt Nam tỉnh, cùng lãnh đạo Công an tỉnh và khoảng 1.200 người dân."),
        Para("Giám đốc Công an tỉnh tặng Giấy khen cho 21 tập thể và 37 cá nhân; Chủ tịch UBND tỉnh tặng "
             "Bằng khen cho 7 tập thể và 11 cá nhân có thành tích xuất sắc trong phong trào năm 2023."),
        Heading("III. TỒN TẠI, HẠN CHẾ"),
        Para("Một số mô hình ở các xóm vùng cao của huyện Võ Nhai, huyện Định Hóa hoạt động chưa thường "
             "xuyên; tội phạm lừa đảo qua mạng ở các khu nhà trọ công nhân còn diễn biến phức tạp."),
        Heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
        Para("Năm 2024, phấn đấu xây dựng mới ít nhất 60 mô hình tự quản, lắp đặt thêm ít nhất 1.200 camera "
             "an ninh, ưu tiên các xóm vùng cao của huyện Võ Nhai và huyện Định Hóa."),
        Para("Phấn đấu tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn “An toàn về an ninh, trật tự” từ 94% trở "
             "lên và 100% xóm, tổ dân phố tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2024."),
    ),
    recipients=("Nơi nhận:", "- Bộ Công an (Cục V05);", "- Thường trực Tỉnh ủy, UBND tỉnh;",
                "- Đ/c Giám đốc Công an tỉnh;", "- Lưu: VT, PV05."),
    signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    signer="Đại tá Ma Đình Thuận",
    date=dt.date(2023, 12, 8),
    province="Thái Nguyên",
    author="Công an tỉnh Thái Nguyên",
)


AN_GIANG = Official(
    file="d06_an-giang-2022.txt",
    issuer=("BỘ CÔNG AN", "CÔNG AN TỈNH AN GIANG"),
    number="Số: 967/BC-CAT-PV05",
    dateline="An Giang, ngày 16 tháng 12 năm 2022",
    kind="BÁO CÁO",
    title="Kết quả thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2022 và phương "
          "hướng, nhiệm vụ năm 2023",
    body=(
        Heading("I. ĐẶC ĐIỂM TÌNH HÌNH"),
        Para("An Giang có 11 huyện, thị xã, thành phố với 156 xã, phường, thị trấn và 887 ấp, khóm; có "
             "đường biên giới dài gần 96 km với Vương quốc Campuchia, đồng bào dân tộc Khmer, Chăm "
             "chiếm khoảng 5% dân số."),
        Heading("II. KẾT QUẢ THỰC HIỆN NĂM 2022"),
        Heading("1. Công tác tham mưu, chỉ đạo"),
        Para("Công an tỉnh tham mưu Ban Thường vụ Tỉnh ủy ban hành Chỉ thị số 17-CT/TU ngày "
             "22/4/2022 về tăng cường sự lãnh đạo của Đảng đối với phong trào toàn dân bảo vệ an "
             "ninh Tổ quốc trong tình hình mới."),
        Para("Thực hiện Kế hoạch số 164/KH-UBND ngày 08/3/2022 của UBND tỉnh, Giám đốc Công an tỉnh ban hành "
             "Kế hoạch số 92/KH-CAT-PV05 ngày 21/3/2022 triển khai phong trào trong lực lượng Công an tỉnh."),
        Heading("2. Công tác tuyên truyền, vận động"),
        Para("Năm 2022, lực lượng Công an phối hợp tổ chức 2.316 buổi tuyên truyền với khoảng "
             "127.000 lượt người tham dự, trong đó có 318 buổi bằng tiếng Khmer, tiếng Chăm tại các "
             "huyện Tịnh Biên, An Phú."),
        Para("Toàn tỉnh duy trì 1.462 nhóm Zalo “An ninh ấp, khóm” với trên 98.000 thành viên, tiếp nhận "
             "nhiều thông tin về xuất, nhập cảnh trái phép và buôn lậu qua biên giới."),
        Heading("3. Xây dựng, nhân rộng mô hình"),
        Para("Đến nay, toàn tỉnh duy trì 1.218 mô hình tự quản về an ninh, trật tự; năm 2022 xây dựng mới 46 "
             "mô hình, trong đó có 12 mô hình ở các xã biên giới."),
        Para("Tiêu biểu là các mô hình “Tổ tự quản đường sông” ở huyện Chợ Mới, “Ấp biên giới bình yên” ở "
             "huyện An Phú, “Camera an ninh - Khóm an toàn” ở thành phố Long Xuyên và “Chùa, sóc bình "
             "yên” ở huyện Tịnh Biên."),
        Para("Năm 2022, toàn tỉnh lắp đặt mới 1.174 camera an ninh với kinh phí xã hội "
             "hóa khoảng 6,2 tỷ đồng."),
        Para("Quỹ phòng, chống tội phạm các cấp vận động được 2,45 tỷ đồng, hỗ trợ 186 thành viên tổ bảo vệ "
             "an ninh, trật tự ở cơ sở bị thương hoặc có hoàn cảnh khó khăn."),
        Heading("4. Kết quả tham gia phòng ngừa, đấu tranh với tội phạm"),
        Para("Năm 2022, quần chúng nhân dân cung cấp 1.736 tin báo, tố giác tội phạm, tăng 8,2% so với năm "
             "2021, giúp lực lượng Công an làm rõ 412 vụ việc, bắt giữ 268 đối tượng."),
        Para("Lực lượng Công an đã vận động 19 đối tượng truy nã ra đầu thú, thu hồi 37 khẩu "
             "súng và 114 vũ khí thô sơ."),
        Para("Năm 2022, toàn tỉnh có 143/156 xã, phường, thị trấn đạt tiêu chuẩn “An toàn về an ninh, trật "
             "tự”, đạt 91,7%; 862/887 ấp, khóm đạt danh hiệu “An toàn về an ninh, trật tự”, đạt 97,2%."),
        Heading("5. Kết quả tại một số huyện, thị xã, thành phố"),
        Bullets((
            ("- Thành phố Long Xuyên: lắp đặt mới 236 camera an ninh, tiếp nhận 284 tin báo, tố giác tội "
             "phạm, duy trì 126 mô hình tự quản."),
            "- Thành phố Châu Đốc: lắp đặt mới 148 camera an ninh, tiếp nhận 167 tin báo, tố giác tội phạm.",
            ("- Thị xã Tân Châu: duy trì 94 mô hình tự quản, tiếp nhận 118 tin báo, tố giác tội phạm, vận "
             "động 3 đối tượng truy nã ra đầu thú."),
            ("- Huyện An Phú: duy trì 108 mô hình tự quản, trong đó có 14 mô hình “Ấp biên giới bình yên”, "
             "lắp đặt mới 72 camera an ninh."),
            ("- Huyện Chợ Mới: duy trì 156 mô hình tự quản, lắp đặt mới 164 camera an ninh, Quỹ phòng, chống "
             "tội phạm vận động được 386 triệu đồng."),
            ("- Huyện Tịnh Biên: tiếp nhận 97 tin báo, tố giác tội phạm, tổ chức 214 buổi tuyên "
             "truyền bằng tiếng Khmer."),
            "- Huyện Thoại Sơn: duy trì 117 mô hình tự quản, lắp đặt mới 98 camera an ninh.",
        )),
        Heading("6. Ngày hội toàn dân bảo vệ an ninh Tổ quốc và công tác khen thưởng"),
        Para("Ngày 19/8/2022, tại ấp Vĩnh Lợi, xã Vĩnh Trường, huyện An Phú, Công an tỉnh phối hợp tổ chức "
             "điểm Ngày hội toàn dân bảo vệ an ninh Tổ quốc cấp tỉnh."),
        Para("Dự Ngày hội có Đại tá Tô Vĩnh Khang, Giám đốc Công an tỉnh và ông Đặng Hữu Toàn, "
             "Phó Chủ tịch UBND tỉnh."),
        Para("Tại Ngày hội, Ban tổ chức trao 150 suất quà cho hộ nghèo, mỗi suất trị giá 400.000 đồng, và "
             "bàn giao 01 căn nhà “Đại đoàn kết” trị giá 60 triệu đồng."),
        Para("Năm 2022, Chủ tịch UBND tỉnh tặng Bằng khen cho 9 tập thể và 14 cá nhân; Giám đốc Công an tỉnh "
             "tặng Giấy khen cho 27 tập thể và 45 cá nhân có thành tích xuất sắc trong phong trào."),
        Heading("III. TỒN TẠI, HẠN CHẾ"),
        Para("Một số mô hình tự quản ở các xã biên giới hoạt động chưa đều; tình trạng xuất, nhập cảnh trái "
             "phép qua biên giới còn diễn biến phức tạp."),
        Heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023"),
        Para("Năm 2023, phấn đấu xây dựng mới ít nhất 35 mô hình tự quản, lắp đặt thêm khoảng 900 camera an "
             "ninh và vận động Quỹ phòng, chống tội phạm đạt trên 2,5 tỷ đồng."),
        Para("Phấn đấu tỷ lệ xã, phường, thị trấn đạt tiêu chuẩn “An toàn về an ninh, trật tự” từ 93% trở "
             "lên, tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc ở 100% ấp, khóm trước ngày 19/8/2023."),
        Para("Trên đây là báo cáo kết quả thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2022 của "
             "Công an tỉnh An Giang./."),
    ),
    recipients=("Nơi nhận:", "- Bộ Công an (Cục V05);", "- TT Tỉnh ủy, UBND tỉnh;",
                "- Ban Giám đốc Công an tỉnh;", "- Công an các huyện, thị xã, thành phố;",
                "- Lưu: VT, PV05."),
    signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    signer="Đại tá Lâm Quốc Hiếu",
    date=dt.date(2022, 12, 16),
    province="An Giang",
    author="Công an tỉnh An Giang",
)


AN_KHE = Official(
    file="d07_gia-lai-thi-xa-an-khe-2024.md",
    issuer=("CÔNG AN TỈNH GIA LAI", "CÔNG AN THỊ XÃ AN KHÊ"),
    number="Số: 587/BC-CATX",
    dateline="An Khê, ngày 20 tháng 9 năm 2024",
    kind="BÁO CÁO",
    title="Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc 9 tháng đầu năm 2024, phương hướng, nhiệm "
          "vụ 3 tháng cuối năm 2024",
    body=(
        Heading("I. ĐẶC ĐIỂM TÌNH HÌNH"),
        Para("Thị xã An Khê nằm ở phía Đông tỉnh Gia Lai, có 11 đơn vị hành chính cấp xã gồm 06 phường và 05 "
             "xã, với 104 thôn, làng, tổ dân phố; dân số khoảng 82.000 người, đồng bào Ba Na chiếm gần 9%."),
        Heading("II. KẾT QUẢ 9 THÁNG ĐẦU NĂM 2024"),
        Heading("1. Công tác tham mưu, chỉ đạo"),
        Para("Thực hiện Kế hoạch số 86/KH-CAT-PV05 ngày 16/01/2024 của Công an tỉnh, Công an thị xã tham mưu "
             "UBND thị xã ban hành Kế hoạch số 19/KH-UBND ngày 29/01/2024 về thực hiện phong trào toàn dân "
             "bảo vệ an ninh Tổ quốc năm 2024 trên địa bàn thị xã."),
        Para("Công an thị xã ban hành 11 văn bản hướng dẫn Công an các xã, phường và phối hợp với Ủy ban "
             "MTTQ Việt Nam thị xã tổ chức 02 đợt kiểm tra tại 6 xã, phường."),
        Heading("2. Công tác tuyên truyền, vận động"),
        Para("Trong 9 tháng đầu năm 2024, Công an thị xã phối hợp tổ chức 186 buổi tuyên truyền "
             "với hơn 12.400 lượt người tham dự, trong đó có 34 buổi bằng tiếng Ba Na tại các làng "
             "đồng bào dân tộc thiểu số."),
        Para("Toàn thị xã duy trì 96 nhóm Zalo “An ninh thôn, tổ dân phố” với gần 9.800 thành viên."),
        Heading("3. Xây dựng, nhân rộng mô hình"),
        Para("Đến ngày 15/9/2024, toàn thị xã duy trì 74 mô hình tự quản về an ninh, trật tự, trong đó "
             "9 tháng đầu năm xây dựng mới 6 mô hình; 104/104 thôn, làng, tổ dân phố có tổ bảo vệ an "
             "ninh, trật tự ở cơ sở."),
        Para("Các mô hình hoạt động hiệu quả gồm “Làng Ba Na bình yên” ở xã Song An, “Camera an ninh "
             "khu phố” ở phường An Bình, “Tổ tự quản bến xe, chợ” ở phường Tây Sơn và “Cổng trường an "
             "toàn” ở phường Ngô Mây."),
        Para("Trong 9 tháng, các xã, phường lắp đặt mới 138 camera an ninh, nâng tổng số camera an ninh trên "
             "địa bàn thị xã lên 612 camera, với kinh phí xã hội hóa khoảng 420 triệu đồng."),
        Heading("4. Kết quả phòng ngừa, đấu tranh với tội phạm"),
        Para("Trong 9 tháng đầu năm 2024, quần chúng nhân dân cung cấp 147 tin báo, tố giác tội phạm, tăng "
             "11 tin so với cùng kỳ năm 2023 (cùng kỳ năm 2023 là 136 tin)."),
        Para("Từ nguồn tin trên, Công an thị xã làm rõ 38 vụ việc, bắt giữ 21 đối tượng, vận động 2 đối "
             "tượng truy nã ra đầu thú và thu hồi 9 khẩu súng tự chế."),
        Para("Đến nay, thị xã có 9/11 xã, phường đạt tiêu chuẩn “An toàn về an ninh, trật tự”, đạt 81,8%."),
        Heading("5. Kết quả tại các xã, phường"),
        Bullets((
            ("- Phường An Bình: lắp đặt mới 34 camera an ninh, tiếp nhận 27 tin báo, tố giác tội phạm, duy "
             "trì 9 mô hình tự quản."),
            "- Phường Tây Sơn: lắp đặt mới 29 camera an ninh, tiếp nhận 31 tin báo, tố giác tội phạm.",
            "- Phường Ngô Mây: duy trì 8 mô hình tự quản, tiếp nhận 18 tin báo, tố giác tội phạm.",
            "- Phường An Phú: lắp đặt mới 17 camera an ninh, duy trì 7 mô hình tự quản.",
            "- Phường An Tân: tiếp nhận 14 tin báo, tố giác tội phạm, tổ chức 21 buổi tuyên truyền.",
            "- Xã Song An: duy trì 8 mô hình tự quản, tổ chức 12 buổi tuyên truyền bằng tiếng Ba Na.",
            "- Xã Thành An: lắp đặt mới 11 camera an ninh, vận động 1 đối tượng truy nã ra đầu thú.",
            "- Xã Cửu An: tiếp nhận 9 tin báo, tố giác tội phạm, duy trì 6 mô hình tự quản.",
        )),
        Heading("6. Ngày hội toàn dân bảo vệ an ninh Tổ quốc và khen thưởng"),
        Para("Ngày 16/8/2024, tại làng Pốt, xã Song An, Công an thị xã phối hợp tổ chức điểm Ngày hội "
             "toàn dân bảo vệ an ninh Tổ quốc cấp thị xã, có ông Lê Hoàng Vũ, Phó Chủ tịch UBND thị xã "
             "và hơn 600 người dân dự."),
        Para("Chủ tịch UBND thị xã tặng Giấy khen cho 5 tập thể và 8 cá nhân; Trưởng Công an thị xã tặng "
             "Giấy khen cho 7 tập thể và 12 cá nhân có thành tích xuất sắc trong 9 tháng đầu năm 2024."),
        Heading("III. TỒN TẠI, HẠN CHẾ"),
        Para("Một số tổ bảo vệ an ninh, trật tự ở các làng vùng xa sinh hoạt chưa thường xuyên; số camera an "
             "ninh ở xã Cửu An, xã Thành An còn ít."),
        Heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 3 THÁNG CUỐI NĂM 2024"),
        Para("Trong 3 tháng cuối năm 2024, phấn đấu lắp đặt thêm ít nhất 60 camera an ninh và xây dựng mới 2 "
             "mô hình tự quản tại xã Cửu An, xã Thành An."),
        Para("Phấn đấu đến cuối năm 2024 có 10/11 xã, phường đạt tiêu chuẩn “An toàn về an ninh, trật tự”, "
             "100% tin báo, tố giác tội phạm được tiếp nhận, xử lý đúng quy định."),
    ),
    recipients=("Nơi nhận:", "- Công an tỉnh (PV05);", "- Thường trực Thị ủy, UBND thị xã;",
                "- Ủy ban MTTQ Việt Nam thị xã;", "- Lưu: VT, CATX."),
    signature=("KT. TRƯỞNG CÔNG AN THỊ XÃ", "PHÓ TRƯỞNG CÔNG AN THỊ XÃ"),
    signer="Thượng tá Phạm Ngọc Quý",
    date=dt.date(2024, 9, 20),
    province="Gia Lai",
    author="Công an thị xã An Khê",
)


NINH_BINH = Official(
    file="d08_ninh-binh-ke-hoach-2024.pdf",
    issuer=("ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH"),
    number="Số: 35/KH-UBND",
    dateline="Ninh Bình, ngày 06 tháng 02 năm 2024",
    kind="KẾ HOẠCH",
    title="Thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc trên địa bàn tỉnh Ninh Bình năm 2024",
    body=(
        Para("Căn cứ Kế hoạch số 27/KH-BCA-V05 ngày 12/01/2024 của Bộ Công an về thực hiện phong trào toàn "
             "dân bảo vệ an ninh Tổ quốc năm 2024, xét đề nghị của Giám đốc Công an tỉnh tại Tờ trình số "
             "118/TTr-CAT-PV05 ngày 29/01/2024, UBND tỉnh ban hành Kế hoạch thực hiện như sau:"),
        Heading("I. MỤC ĐÍCH, YÊU CẦU"),
        Para("Phát huy sức mạnh tổng hợp của cả hệ thống chính trị và nhân dân trong bảo vệ an ninh, trật "
             "tự, gắn phong trào với xây dựng nông thôn mới, đô thị văn minh và bảo đảm an ninh, trật tự các "
             "khu du lịch Tràng An, Tam Cốc - Bích Động, Bái Đính."),
        Para("Việc tổ chức thực hiện phải thiết thực, tránh hình thức; kết quả được đánh giá theo các chỉ "
             "tiêu tại Mục III của Kế hoạch này."),
        Heading("II. KẾT QUẢ NĂM 2023"),
        Para("Năm 2023, toàn tỉnh tổ chức 1.964 buổi tuyên truyền với khoảng 148.000 lượt người tham dự; "
             "quần chúng nhân dân cung cấp 1.127 tin báo, tố giác tội phạm."),
        Para("Đến cuối năm 2023, toàn tỉnh có 132/143 xã, phường, thị trấn đạt tiêu chuẩn “An toàn về "
             "an ninh, trật tự”, đạt 92,3%; toàn tỉnh duy trì 1.574 nhóm Zalo an ninh, trật tự ở "
             "thôn, xóm, tổ dân phố."),
        Para("Năm 2023, toàn tỉnh lắp đặt mới 976 camera an ninh với kinh phí xã hội hóa hơn 5,1 tỷ đồng; "
             "thành phố Ninh Bình dẫn đầu với 264 camera lắp mới."),
        Para("Kết quả năm 2023 tại các huyện, thành phố (số liệu Công an tỉnh tổng hợp đến "
             "ngày 15/12/2023) như sau:"),
        Table(
            columns=("Đơn vị", "Mô hình duy trì", "Camera lắp mới", "Tin báo tội phạm"),
            rows=(
                ("Thành phố Ninh Bình", "118", "264", "218"),
                ("Thành phố Tam Điệp", "64", "97", "86"),
                ("Huyện Nho Quan", "126", "108", "142"),
                ("Huyện Gia Viễn", "97", "96", "118"),
                ("Huyện Hoa Lư", "88", "132", "107"),
                ("Huyện Yên Khánh", "104", "89", "131"),
                ("Huyện Kim Sơn", "131", "114", "186"),
                ("Huyện Yên Mô", "96", "76", "139"),
            ),
            total=("Toàn tỉnh", "824", "976", "1.127"),
        ),
        Heading("III. CHỈ TIÊU NĂM 2024"),
        Para("Phấn đấu năm 2024 có ít nhất 136/143 xã, phường, thị trấn đạt tiêu chuẩn “An toàn về an ninh, "
             "trật tự” (95,1%), 100% thôn, xóm, tổ dân phố tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ "
             "quốc."),
        Para("Chỉ tiêu năm 2024 giao cho các huyện, thành phố như sau:"),
        Table(
            columns=("Đơn vị", "Mô hình xây mới", "Camera lắp thêm", "Buổi tuyên truyền"),
            rows=(
                ("Thành phố Ninh Bình", "6", "180", "280"),
                ("Thành phố Tam Điệp", "3", "70", "150"),
                ("Huyện Nho Quan", "7", "90", "320"),
                ("Huyện Gia Viễn", "5", "80", "250"),
                ("Huyện Hoa Lư", "5", "110", "240"),
                ("Huyện Yên Khánh", "5", "70", "260"),
                ("Huyện Kim Sơn", "6", "100", "340"),
                ("Huyện Yên Mô", "5", "60", "260"),
            ),
            total=("Toàn tỉnh", "42", "760", "2.100"),
        ),
        Heading("IV. NHIỆM VỤ, GIẢI PHÁP"),
        Para("Đẩy mạnh tuyên truyền, vận động nhân dân tham gia phát hiện, tố giác tội phạm; phát huy vai "
             "trò của người có uy tín, chức sắc tôn giáo ở các giáo xứ đông giáo dân."),
        Para("Củng cố 1.612 tổ bảo vệ an ninh, trật tự ở cơ sở; nhân rộng các mô hình “Bến thuyền du "
             "lịch an toàn” ở huyện Hoa Lư, “Xóm đạo bình yên” ở huyện Kim Sơn và “Camera an ninh kết "
             "nối” ở thành phố Ninh Bình."),
        Heading("V. TỔ CHỨC THỰC HIỆN"),
        Para("Công an tỉnh là cơ quan thường trực, chủ trì tham mưu, hướng dẫn, kiểm tra việc thực hiện Kế "
             "hoạch; báo cáo sơ kết 6 tháng trước ngày 15/6/2024 và tổng kết năm trước ngày 10/12/2024."),
        Para("Sở Tài chính tham mưu bố trí kinh phí thực hiện Kế hoạch năm 2024 là 1,8 tỷ đồng từ ngân sách "
             "tỉnh, trong đó 650 triệu đồng hỗ trợ các xã có khu du lịch và giáo xứ."),
        Para("Đề nghị Ủy ban MTTQ Việt Nam tỉnh phối hợp thực hiện Chương trình phối hợp số 03/CTPH-CAT-MTTQ "
             "ngày 15/3/2023 về vận động nhân dân tham gia bảo vệ an ninh, trật tự."),
        Para("UBND các huyện, thành phố xây dựng kế hoạch thực hiện, gửi về Công an tỉnh "
             "trước ngày 29/02/2024."),
    ),
    recipients=("Nơi nhận:", "- Bộ Công an (Cục V05);", "- TT Tỉnh ủy, TT HĐND tỉnh;",
                "- CT, các PCT UBND tỉnh;", "- Công an tỉnh;", "- UBND các huyện, thành phố;",
                "- Lưu: VT, NC."),
    signature=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    signer="Tống Quang Hiển",
    date=dt.date(2024, 2, 6),
    province="Ninh Bình",
    author="Ủy ban nhân dân tỉnh Ninh Bình",
)


REPORTS = (HA_GIANG, DAK_LAK, LONG_AN, QUANG_TRI, THAI_NGUYEN, AN_GIANG, AN_KHE, NINH_BINH)


# ----------------------------------------------------------------------------------------- main

def generate(out: Path = OUT) -> list[Path]:
    """Check and write the eight dev reports into ``out``; return the paths written."""
    return write_all(REPORTS, out)


def main(argv: list[str] | None = None) -> int:
    return command_line(REPORTS, OUT, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
