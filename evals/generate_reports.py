"""Write the transfer eval's reports, ``evals/reports/``: eight fictional reports the assistant was never tuned on.

The questions in ``evals/transfer.jsonl`` are ground truth about these files, so the files must
never drift: every run writes the same bytes (fixed DOCX core properties and ZIP timestamps,
reportlab's ``invariant`` mode, no clock, no randomness), and ``tests/test_transfer_set.py``
regenerates them into a temporary folder and compares. The reports are fictional (people,
numbers and document numbers are invented), set in provinces that ``corpus/`` does not cover,
in the genre of the seeds: provincial and district police reports, a plan of a provincial
People's Committee, and news pages.

Contents are data (``Official`` and ``News`` values below); the renderers at the end only lay
them out in each format. Run from the repository root::

    .venv/bin/python evals/generate_reports.py [--out evals/reports]
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_layout import Bullets, Heading, News, Official, Para, Table, command_line, write_all

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "evals" / "reports"


# ------------------------------------------------------------------------------------- contents

LAM_DONG = Official(
    file="t01_lam-dong-2023.docx",
    issuer=("CÔNG AN TỈNH LÂM ĐỒNG",),
    number="Số: 1846/BC-CAT-PV05",
    dateline="Lâm Đồng, ngày 18 tháng 12 năm 2023",
    kind="BÁO CÁO",
    title="Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023, phương hướng, nhiệm vụ năm 2024",
    date=dt.date(2023, 12, 18),
    province="Lâm Đồng",
    author="Công an tỉnh Lâm Đồng",
    body=(
        Para("Thực hiện Kế hoạch số 27/KH-UBND ngày 15/02/2023 của Ủy ban nhân dân tỉnh Lâm Đồng về xây dựng "
             "phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023 và Kế hoạch số 1125/KH-CAT-PV05 ngày 03/3/2023 "
             "của Công an tỉnh, Công an tỉnh Lâm Đồng báo cáo kết quả thực hiện như sau:"),
        Heading("I. TÌNH HÌNH CHUNG"),
        Para("Lâm Đồng có 12 đơn vị hành chính cấp huyện, 142 xã, phường, thị trấn với khoảng 1,33 triệu người "
             "thuộc 43 dân tộc cùng sinh sống. Năm 2023, tình hình an ninh chính trị cơ bản ổn định; tuy nhiên, "
             "tranh chấp đất đai ở huyện Lâm Hà và huyện Đam Rông có lúc tiềm ẩn nguy cơ hình thành điểm nóng. "
             "Tội phạm sử dụng công nghệ cao lừa đảo chiếm đoạt tài sản qua Zalo, Facebook gia tăng, xảy ra 214 "
             "vụ, thiệt hại khoảng 31,7 tỷ đồng; tình trạng sử dụng trái phép ma túy tổng hợp trong thanh thiếu "
             "niên ở thành phố Đà Lạt và thành phố Bảo Lộc diễn biến phức tạp."),
        Heading("II. KẾT QUẢ THỰC HIỆN"),
        Heading("1. Công tác tham mưu, tuyên truyền"),
        Para("Công an tỉnh đã tham mưu Tỉnh ủy, UBND tỉnh ban hành 06 văn bản chỉ đạo về công tác xây dựng phong "
             "trào. Công an các đơn vị, địa phương phối hợp tổ chức 3.126 buổi tuyên truyền với khoảng 214.000 "
             "lượt người tham dự, tăng 412 buổi so với năm 2022; phát hành 46.500 tờ rơi hướng dẫn nhận diện thủ "
             "đoạn lừa đảo qua mạng. Toàn tỉnh duy trì 1.274 nhóm Zalo, Facebook về an ninh, trật tự ở thôn, tổ "
             "dân phố với hơn 96.000 thành viên."),
        Heading("2. Xây dựng, nhân rộng mô hình"),
        Para("Đến ngày 30/11/2023, toàn tỉnh duy trì 1.962 mô hình tự phòng, tự quản, tự bảo vệ, tự hòa giải về an "
             "ninh, trật tự, trong đó có 87 mô hình xây dựng mới trong năm 2023 và 316 mô hình được đánh giá hoạt "
             "động hiệu quả. Các mô hình tiêu biểu: “Camera an ninh kết nối cộng đồng” ở thành phố Đà Lạt, “Zalo "
             "an ninh tổ dân phố” ở thành phố Bảo Lộc, “Dòng họ không có người vi phạm pháp luật” ở huyện Di Linh, "
             "“Buôn làng bình yên” ở huyện Lạc Dương và “Tổ liên gia an toàn phòng cháy, chữa cháy” ở huyện Đức "
             "Trọng."),
        Para("Trong năm, Nhân dân lắp đặt mới 2.318 camera an ninh, nâng tổng số camera an ninh trên địa bàn tỉnh "
             "lên 9.604 camera, trong đó 1.742 camera được kết nối với Công an cấp xã; kinh phí xã hội hóa khoảng "
             "8,6 tỷ đồng."),
        Para("Kết quả xây dựng mô hình, lắp đặt camera và tiếp nhận tin báo ở các địa phương năm 2023:"),
        Table(
            columns=("Đơn vị", "Mô hình", "Mô hình mới", "Camera an ninh", "Tin báo tội phạm"),
            rows=(
                ("Thành phố Đà Lạt", "248", "12", "2.105", "231"),
                ("Thành phố Bảo Lộc", "196", "9", "1.486", "148"),
                ("Huyện Đức Trọng", "231", "10", "1.352", "142"),
                ("Huyện Lâm Hà", "187", "8", "812", "96"),
                ("Huyện Di Linh", "203", "7", "734", "88"),
                ("Huyện Bảo Lâm", "164", "6", "621", "74"),
                ("Huyện Đơn Dương", "142", "8", "588", "67"),
                ("Huyện Lạc Dương", "98", "5", "305", "35"),
                ("Huyện Đạ Huoai", "86", "4", "297", "52"),
                ("Huyện Đạ Tẻh", "104", "6", "356", "61"),
                ("Huyện Cát Tiên", "117", "5", "402", "58"),
                ("Huyện Đam Rông", "186", "7", "546", "86"),
            ),
            total=("Tổng cộng", "1.962", "87", "9.604", "1.138"),
        ),
        Heading("3. Phát hiện, tố giác tội phạm"),
        Para("Thông qua phong trào, quần chúng nhân dân đã cung cấp 4.715 nguồn tin có giá trị cho lực lượng Công "
             "an; Công an các cấp tiếp nhận 1.138 tin báo, tố giác tội phạm, tăng 6,4% so với năm 2022 (1.070 "
             "tin). Từ nguồn tin của quần chúng, lực lượng Công an đã phát hiện, bắt giữ 293 đối tượng, trong đó "
             "có 41 đối tượng truy nã; vận động 27 đối tượng truy nã ra đầu thú."),
        Para("Trong đợt cao điểm vận động Nhân dân giao nộp vũ khí, vật liệu nổ, công cụ hỗ trợ từ ngày 01/3/2023 "
             "đến ngày 30/6/2023, Nhân dân đã tự nguyện giao nộp 186 khẩu súng các loại, 2.940 viên đạn và gần 37 "
             "kg vật liệu nổ."),
        Heading("4. Quản lý, giáo dục, giúp đỡ người lầm lỗi"),
        Para("Các địa phương phối hợp quản lý, giáo dục, giúp đỡ 512 người chấp hành xong án phạt tù trở về địa "
             "phương, trong đó 468 người đã có việc làm ổn định, đạt 91,4%; có 12 người tái phạm, chiếm 2,3%."),
        Heading("5. Xây dựng khu dân cư, xã, phường, thị trấn an toàn"),
        Para("Kết quả phân loại năm 2023 có 1.284/1.395 khu dân cư đạt tiêu chuẩn “An toàn về an ninh, trật tự”, "
             "đạt 92%; 128/142 xã, phường, thị trấn đạt tiêu chuẩn “An toàn về an ninh, trật tự”, đạt 90,1%."),
        Para("“Ngày hội toàn dân bảo vệ an ninh Tổ quốc” năm 2023 được tổ chức ở 1.395/1.395 thôn, tổ dân phố từ "
             "ngày 01/8 đến ngày 30/9/2023. Ngày 19/8/2023, Công an tỉnh phối hợp với Ủy ban Mặt trận Tổ quốc Việt "
             "Nam tỉnh tổ chức Ngày hội điểm cấp tỉnh tại xã Đạ Ròn, huyện Đơn Dương. Đồng chí Lưu Quang Vinh, "
             "Phó Chủ tịch UBND tỉnh, dự và tặng 50 suất quà cho hộ nghèo, mỗi suất trị giá 1 triệu đồng. Đại tá "
             "Phan Đức Thịnh, Giám đốc Công an tỉnh, và bà Lê Thị Thu Hà, Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh, "
             "trao Giấy khen cho các tổ liên gia tiêu biểu."),
        Heading("6. Khen thưởng, kinh phí"),
        Para("Năm 2023, Bộ Công an tặng Bằng khen cho 4 tập thể, 7 cá nhân; Chủ tịch UBND tỉnh tặng Bằng khen cho "
             "12 tập thể, 21 cá nhân; Giám đốc Công an tỉnh tặng Giấy khen cho 36 tập thể, 58 cá nhân có thành "
             "tích xuất sắc trong phong trào. Tổng kinh phí bồi dưỡng, hỗ trợ các lực lượng quần chúng tham gia "
             "bảo vệ an ninh, trật tự năm 2023 là 1,2 tỷ đồng từ ngân sách tỉnh."),
        Para("Một số chỉ tiêu chủ yếu năm 2022 và năm 2023:"),
        Table(
            columns=("Nội dung", "Năm 2022", "Năm 2023"),
            rows=(
                ("Buổi tuyên truyền", "2.714", "3.126"),
                ("Tin báo, tố giác tội phạm", "1.070", "1.138"),
                ("Đối tượng truy nã bị bắt", "35", "41"),
                ("Đối tượng truy nã ra đầu thú", "19", "27"),
                ("Súng các loại được giao nộp", "142", "186"),
                ("Khu dân cư đạt tiêu chuẩn an toàn", "1.251", "1.284"),
                ("Mô hình xây dựng mới", "64", "87"),
            ),
        ),
        Heading("III. HẠN CHẾ"),
        Para("Một số mô hình hoạt động còn hình thức, nhất là ở huyện Đạ Huoai và huyện Lạc Dương; việc duy trì "
             "nhóm Zalo ở một số thôn vùng sâu chưa thường xuyên; kinh phí cho hoạt động của các mô hình chủ yếu "
             "do Nhân dân đóng góp."),
        Heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
        Bullets((
            ("- Triển khai thi hành Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở có hiệu lực từ ngày "
             "01/7/2024; kiện toàn 100% tổ bảo vệ an ninh, trật tự ở thôn, tổ dân phố."),
            ("- Phấn đấu xây dựng mới ít nhất 60 mô hình; lắp đặt thêm ít nhất 1.500 camera an ninh, nâng tỷ lệ "
             "camera được kết nối với Công an cấp xã lên 30%."),
            ("- Phấn đấu từ 93% khu dân cư trở lên đạt tiêu chuẩn “An toàn về an ninh, trật tự”; giảm ít nhất 5% "
             "số vụ phạm pháp hình sự so với năm 2023."),
        )),
        Para("Trên đây là báo cáo kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023 của Công an tỉnh Lâm "
             "Đồng./."),
    ),
    recipients=("Nơi nhận:", "- Cục V05 - Bộ Công an;", "- Thường trực Tỉnh ủy, UBND tỉnh;",
                "- Đồng chí Giám đốc Công an tỉnh;", "- Lưu: VT, PV05."),
    signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    signer="Đại tá Nguyễn Hữu Lộc",
)

NGHE_AN = Official(
    file="t02_nghe-an-2019-2024.pdf",
    issuer=("CÔNG AN TỈNH NGHỆ AN",),
    number="Số: 392/BC-CAT",
    dateline="Nghệ An, ngày 25 tháng 6 năm 2024",
    kind="BÁO CÁO",
    title="Sơ kết 05 năm thực hiện Kế hoạch số 512/KH-UBND về xây dựng phong trào toàn dân bảo vệ an ninh Tổ "
          "quốc ở khu vực biên giới, giai đoạn 2019 – 2024",
    date=dt.date(2024, 6, 25),
    province="Nghệ An",
    author="Công an tỉnh Nghệ An",
    body=(
        Para("Thực hiện Kế hoạch số 512/KH-UBND ngày 30/8/2019 của Ủy ban nhân dân tỉnh Nghệ An và Kế hoạch số "
             "2087/KH-CAT-PV05 ngày 16/9/2019 của Công an tỉnh về xây dựng phong trào toàn dân bảo vệ an ninh Tổ "
             "quốc ở khu vực biên giới, giai đoạn 2019 – 2024, Công an tỉnh báo cáo kết quả sau 05 năm thực hiện "
             "như sau:"),
        Heading("I. ĐẶC ĐIỂM TÌNH HÌNH"),
        Para("Nghệ An có đường biên giới dài 419,5 km tiếp giáp với 3 tỉnh của nước Cộng hòa Dân chủ Nhân dân Lào, "
             "qua 6 huyện biên giới là Kỳ Sơn, Tương Dương, Con Cuông, Quế Phong, Thanh Chương, Anh Sơn với 27 xã "
             "biên giới, 218 bản và khoảng 198.000 người, chủ yếu là đồng bào dân tộc Thái, Mông, Khơ Mú. Địa bàn "
             "có nhiều đường mòn, lối mở; các đường dây mua bán, vận chuyển ma túy tổng hợp từ bên kia biên giới "
             "vào nội địa hoạt động phức tạp. Năm 2019, khu vực biên giới có 47 điểm nóng về ma túy, tập trung ở "
             "huyện Kỳ Sơn và huyện Tương Dương."),
        Heading("II. KẾT QUẢ THỰC HIỆN"),
        Heading("1. Công tác tuyên truyền, vận động quần chúng"),
        Para("Giai đoạn 2019 – 2024, lực lượng Công an phối hợp với Bộ đội Biên phòng và chính quyền các huyện "
             "biên giới tổ chức 5.482 buổi tuyên truyền bằng tiếng phổ thông, tiếng Thái, tiếng Mông với hơn "
             "312.000 lượt người nghe; vận động 1.276 hộ gia đình ký cam kết không trồng, tàng trữ, mua bán, vận "
             "chuyển trái phép chất ma túy; xây dựng 64 chuyên mục phát thanh song ngữ trên hệ thống loa truyền "
             "thanh của các xã biên giới. Từ năm 2021, các xã biên giới lập 143 nhóm Zalo “An ninh bản” để người "
             "dân báo tin về đối tượng lạ, phương tiện nghi vấn qua lại biên giới. Mỗi quý, Công an các huyện "
             "biên giới tổ chức đối thoại với già làng, trưởng bản, người có uy tín để nắm tâm tư, nguyện vọng "
             "của Nhân dân và kịp thời giải quyết những vụ việc phức tạp ngay từ cơ sở."),
        Heading("2. Xây dựng, nhân rộng mô hình tự quản"),
        Para("Đến tháng 6/2024, 27/27 xã biên giới đã xây dựng và duy trì 318 mô hình tự quản về an ninh, trật "
             "tự, tăng 142 mô hình so với năm 2019 (176 mô hình). Các mô hình tiêu biểu là “Bản không ma túy” ở "
             "huyện Kỳ Sơn, “Tổ tự quản đường biên, mốc giới” ở huyện Tương Dương, “Già làng, trưởng bản tham gia "
             "giữ gìn an ninh” ở huyện Quế Phong, “Camera an ninh cửa khẩu” ở xã Nậm Cắn, huyện Kỳ Sơn và “Dòng họ "
             "tự quản về an ninh, trật tự” ở huyện Con Cuông. Ngày 12/4/2022, tại bản Huồi Giảng 1, xã Tri Lễ, "
             "huyện Quế Phong, Công an tỉnh phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh ra mắt mô hình “Bản "
             "không ma túy” đầu tiên của huyện, với 86 hộ gia đình tham gia. Cùng với các mô hình, 1.046 tổ tự "
             "quản về an ninh, trật tự và 2.415 hộ gia đình tham gia tổ liên gia an toàn duy trì sinh hoạt định kỳ "
             "mỗi tháng một lần; nhiều tổ trưởng là người có uy tín trong đồng bào dân tộc thiểu số, trực tiếp hòa "
             "giải thành 227 vụ mâu thuẫn, tranh chấp ngay tại cơ sở."),
        Heading("3. Kết quả phát hiện, đấu tranh với tội phạm"),
        Para("Số tin báo, tố giác tội phạm do quần chúng cung cấp ở 6 huyện biên giới tăng qua các năm: năm 2019 "
             "tiếp nhận 386 tin, năm 2021 tiếp nhận 468 tin, năm 2023 tiếp nhận 624 tin; riêng 6 tháng đầu năm "
             "2024 tiếp nhận 341 tin. Cả giai đoạn 2019 – 2024 tiếp nhận 2.775 tin báo, tố giác tội phạm."),
        Para("Từ nguồn tin của quần chúng, lực lượng chức năng đã phát hiện, bắt giữ 1.254 vụ, 1.687 đối tượng "
             "mua bán, vận chuyển trái phép chất ma túy, thu giữ 286 kg ma túy tổng hợp và 48,6 kg heroin; bắt giữ "
             "116 đối tượng truy nã lẩn trốn ở khu vực biên giới, vận động 73 đối tượng truy nã ra đầu thú. Đến "
             "tháng 6/2024, đã xóa 39/47 điểm nóng về ma túy, còn 8 điểm đang tập trung giải quyết."),
        Para("Kết quả ở từng huyện biên giới giai đoạn 2019 – 2024 như sau:"),
        Table(
            columns=("Địa bàn", "Số mô hình", "Tổ tự quản", "Tin báo", "Điểm nóng đã xóa"),
            rows=(
                ("Huyện Kỳ Sơn", "78", "246", "742", "14"),
                ("Huyện Tương Dương", "61", "198", "521", "8"),
                ("Huyện Quế Phong", "54", "187", "459", "6"),
                ("Huyện Con Cuông", "49", "163", "427", "5"),
                ("Huyện Thanh Chương", "42", "141", "354", "3"),
                ("Huyện Anh Sơn", "34", "111", "272", "3"),
            ),
            total=("Tổng cộng", "318", "1.046", "2.775", "39"),
        ),
        Heading("4. Quản lý, giáo dục, giúp đỡ người lầm lỗi"),
        Para("Các xã biên giới tiếp nhận, quản lý 428 người chấp hành xong án phạt tù trở về địa phương, trong đó "
             "361 người đã có việc làm ổn định, đạt 84,3%. Ngân hàng Chính sách xã hội các huyện cho 213 hộ có "
             "người lầm lỗi vay vốn với tổng số tiền 6,4 tỷ đồng; các tổ chức đoàn thể hỗ trợ xây dựng 57 căn nhà "
             "“Đại đoàn kết” với tổng kinh phí hơn 2,8 tỷ đồng."),
        Heading("5. Kinh phí, sơ kết và khen thưởng"),
        Para("Tổng kinh phí thực hiện Kế hoạch giai đoạn 2019 – 2024 là 14,8 tỷ đồng, trong đó ngân sách tỉnh 9,2 "
             "tỷ đồng, nguồn xã hội hóa 5,6 tỷ đồng."),
        Para("Hội nghị sơ kết được tổ chức ngày 20/6/2024 tại huyện Con Cuông, do Đại tá Trần Quốc Bảo, Giám đốc "
             "Công an tỉnh và Đại tá Lữ Đình Thắng, Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh đồng chủ trì; "
             "đồng chí Hồ Đức Phong, Phó Chủ tịch UBND tỉnh dự và phát biểu chỉ đạo. Dịp này, UBND tỉnh tặng Bằng "
             "khen cho 18 tập thể, 34 cá nhân; Giám đốc Công an tỉnh tặng Giấy khen cho 45 tập thể, 87 cá nhân có "
             "thành tích xuất sắc."),
        Heading("III. HẠN CHẾ, NGUYÊN NHÂN"),
        Para("Một số mô hình ở huyện Anh Sơn và huyện Thanh Chương hoạt động chưa thường xuyên; việc nắm tình hình "
             "ở các bản vùng sâu còn chậm; nhiều tổ tự quản chưa có kinh phí hoạt động ổn định. Nguyên nhân chủ "
             "yếu là địa bàn rộng, chia cắt, giao thông khó khăn."),
        Heading("IV. PHƯƠNG HƯỚNG GIAI ĐOẠN 2024 – 2029"),
        Bullets((
            "- Phấn đấu 100% bản ở khu vực biên giới có tổ tự quản về an ninh, trật tự hoạt động hiệu quả.",
            "- Xóa 8 điểm nóng về ma túy còn lại trước ngày 31/12/2025; không để hình thành điểm nóng mới.",
            ("- Mỗi xã biên giới có ít nhất 01 mô hình “Camera an ninh” kết nối với Công an xã; năm 2025 lắp đặt "
             "thêm 150 camera ở các đường mòn, lối mở."),
            "- Tăng ít nhất 10% số tin báo, tố giác tội phạm mỗi năm so với năm trước.",
        )),
        Para("Trên đây là báo cáo sơ kết 05 năm thực hiện Kế hoạch số 512/KH-UBND của Công an tỉnh Nghệ An./."),
    ),
    recipients=("Nơi nhận:", "- Cục V05 - Bộ Công an;", "- UBND tỉnh (để báo cáo);", "- Bộ Chỉ huy BĐBP tỉnh;",
                "- UBND 6 huyện biên giới;", "- Lưu: VT, PV05."),
    signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    signer="Đại tá Vi Văn Sơn",
)

BEN_TRE = News(
    file="t03_ben-tre-2023.html",
    site="Tin Bến Tre",
    domain="tinbentre.vn",
    section="An ninh - Trật tự",
    title="Bến Tre: Phong trào toàn dân bảo vệ an ninh Tổ quốc góp phần kéo giảm 11,5% phạm pháp hình sự",
    published="2023-11-24T10:15:00+07:00",
    sapo="Ngày 23/11/2023, Ban Chỉ đạo 138 tỉnh Bến Tre tổ chức hội nghị tổng kết công tác phòng, chống tội phạm "
         "và phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023, triển khai nhiệm vụ năm 2024. Ông Lê Văn "
         "Khương, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo 138 tỉnh chủ trì hội nghị.",
    body=(
        Para("Theo Báo cáo số 318/BC-BCĐ ngày 20/11/2023 của Ban Chỉ đạo 138 tỉnh, năm 2023 (từ ngày 15/12/2022 "
             "đến ngày 14/11/2023), phạm pháp hình sự trên địa bàn tỉnh xảy ra 486 vụ, giảm 63 vụ, tương đương "
             "11,5% so với cùng kỳ năm 2022. Tỷ lệ điều tra, khám phá đạt 86,4%, riêng án rất nghiêm trọng và đặc "
             "biệt nghiêm trọng đạt 100%."),
        Para("Phong trào toàn dân bảo vệ an ninh Tổ quốc tiếp tục được đẩy mạnh. Toàn tỉnh hiện có 1.215 mô hình "
             "tự quản về an ninh, trật tự đang hoạt động, với 4.870 tổ nhân dân tự quản và hơn 52.000 hộ gia đình "
             "tham gia. Nhiều mô hình phát huy hiệu quả như “Tổ liên gia an toàn” ở huyện Mỏ Cày Nam, “Ấp không "
             "có tội phạm và tệ nạn xã hội” ở huyện Ba Tri, “Camera vì an ninh trật tự” ở thành phố Bến Tre, “Bến "
             "đò ngang an toàn” ở huyện Chợ Lách và “Zalo an ninh ấp” ở huyện Giồng Trôm."),
        Para("Năm 2023, người dân cung cấp cho lực lượng Công an 2.130 nguồn tin, trong đó có 705 tin báo, tố giác "
             "tội phạm, giúp khám phá 187 vụ án, bắt 26 đối tượng truy nã. Thông qua xã hội hoá, toàn tỉnh lắp đặt "
             "3.846 camera an ninh ở các tuyến đường, bến đò, khu dân cư với tổng kinh phí gần 7,2 tỷ đồng do Nhân "
             "dân và doanh nghiệp đóng góp."),
        Para("Tại huyện Mỏ Cày Nam, mô hình “Tổ liên gia an toàn” được nhân rộng ra 16/16 xã, thị trấn với 428 tổ "
             "và hơn 5.100 hộ tham gia. Theo Thượng tá Trần Văn Bé Hai, Trưởng Công an huyện Mỏ Cày Nam, từ đầu "
             "năm đến nay các tổ liên gia đã cung cấp 64 tin báo, giúp Công an huyện bắt quả tang 11 vụ trộm cắp "
             "tài sản. Ở huyện Ba Tri, mô hình “Ấp không có tội phạm và tệ nạn xã hội” được xây dựng ở 27 ấp, trong "
             "đó 21 ấp đã 3 năm liền không xảy ra tội phạm."),
        Para("Kết quả phân loại cho thấy có 1.468/1.512 ấp, khu phố đạt tiêu chuẩn “An toàn về an ninh, trật tự”, "
             "đạt 97,1%; 154/157 xã, phường, thị trấn đạt tiêu chuẩn an toàn, không còn xã trọng điểm, phức tạp về "
             "an ninh, trật tự."),
        Para("Phát biểu tại hội nghị, Đại tá Phạm Thanh Hùng, Giám đốc Công an tỉnh, Phó Trưởng ban Thường trực "
             "Ban Chỉ đạo 138 tỉnh cho biết, tội phạm lừa đảo qua mạng có chiều hướng tăng với 58 vụ, thiệt hại "
             "hơn 12,3 tỷ đồng. Tình trạng sử dụng trái phép ma túy tổng hợp trong giới trẻ ở huyện Châu Thành và "
             "thành phố Bến Tre còn diễn biến phức tạp, có 9 điểm nóng về ma túy đã bị triệt xóa trong năm."),
        Para("Bà Huỳnh Thị Ngọc Bích, Phó Chủ tịch Uỷ ban MTTQ Việt Nam tỉnh cho biết, Mặt trận các cấp đã phối hợp "
             "vận động Nhân dân đóng góp hơn 1,6 tỷ đồng cho Quỹ phòng, chống tội phạm, hỗ trợ 312 người chấp hành "
             "xong án phạt tù tái hòa nhập cộng đồng."),
        Para("Hội nghị cũng chỉ ra hạn chế: một số mô hình ở huyện Thạnh Phú và huyện Bình Đại hoạt động cầm chừng; "
             "nhiều camera an ninh có độ phân giải thấp nên chưa phục vụ tốt công tác điều tra. “Mỗi người dân phải "
             "là một tai mắt của lực lượng Công an, mỗi ấp phải là một pháo đài về an ninh, trật tự”, ông Lê Văn "
             "Khương nhấn mạnh."),
        Para("Năm 2024, Bến Tre phấn đấu kéo giảm từ 5% trở lên số vụ phạm tội về trật tự xã hội, 100% xã, phường, "
             "thị trấn có mô hình camera an ninh, xây dựng thêm ít nhất 50 mô hình tự quản và duy trì tỷ lệ điều "
             "tra, khám phá án hình sự trên 80%. Ông Lê Văn Khương đề nghị các ngành triển khai ngay Kế hoạch số "
             "5124/KH-UBND ngày 20/11/2023 của UBND tỉnh về thực hiện Luật Lực lượng tham gia bảo vệ an ninh, trật "
             "tự ở cơ sở, hoàn thành việc thành lập tổ bảo vệ an ninh, trật tự trước ngày 01/7/2024."),
        Para("Dịp này, Chủ tịch UBND tỉnh tặng Bằng khen cho 15 tập thể và 22 cá nhân; Giám đốc Công an tỉnh tặng "
             "Giấy khen cho 30 tập thể và 41 cá nhân có thành tích xuất sắc trong phong trào. Ông Đoàn Văn Út, Tổ "
             "trưởng tổ nhân dân tự quản ấp Phú Hào, xã An Đức, huyện Ba Tri, được Bộ trưởng Bộ Công an tặng Bằng "
             "khen vì đã cùng người dân bắt giữ 3 đối tượng trộm cắp tài sản."),
    ),
    byline="Minh Thư",
    related=(
        "Bến Tre: 98,2% ấp, khu phố đạt chuẩn an toàn về an ninh, trật tự năm 2022",
        "Huyện Ba Tri ra mắt 35 tổ liên gia an toàn phòng, chống tội phạm",
        "Bắt 19 đối tượng truy nã trong đợt cao điểm tháng 9/2023",
        "Trà Vinh duy trì 1.036 mô hình tự quản về an ninh, trật tự",
    ),
    most_read=(
        "Giá dừa khô tăng 15.000 đồng/chục",
        "Khởi công cầu Rạch Miễu 2 giai đoạn hai",
    ),
    footer="© Tin Bến Tre. Giấy phép số 86/GP-BTTTT do Bộ Thông tin và Truyền thông cấp ngày 14/3/2022. "
           "Địa chỉ: 5 Đồng Khởi, phường 3, thành phố Bến Tre.",
)

YEN_BAI = Official(
    file="t04_yen-bai-2022.md",
    issuer=("CÔNG AN TỈNH YÊN BÁI",),
    number="Số: 2315/BC-CAT-PV05",
    dateline="Yên Bái, ngày 16 tháng 12 năm 2022",
    kind="BÁO CÁO",
    title="Kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2022, phương hướng, nhiệm vụ năm 2023",
    date=dt.date(2022, 12, 16),
    province="Yên Bái",
    author="Công an tỉnh Yên Bái",
    body=(
        Para("Thực hiện Kế hoạch số 68/KH-UBND ngày 22/3/2022 của Ủy ban nhân dân tỉnh Yên Bái và Kế hoạch số "
             "375/KH-CAT-PV05 ngày 04/4/2022 của Công an tỉnh về xây dựng phong trào toàn dân bảo vệ an ninh Tổ "
             "quốc năm 2022, Công an tỉnh báo cáo kết quả như sau:"),
        Heading("I. TÌNH HÌNH AN NINH, TRẬT TỰ"),
        Para("Năm 2022 (từ ngày 15/12/2021 đến ngày 14/12/2022), tình hình an ninh chính trị trên địa bàn tỉnh cơ "
             "bản ổn định. Tại huyện Mù Cang Chải và huyện Trạm Tấu vẫn còn tình trạng di cư tự do, với 37 hộ, 164 "
             "khẩu di cư đi các tỉnh Tây Nguyên. Phạm pháp hình sự xảy ra 312 vụ, giảm 4,6% so với năm 2021 (327 "
             "vụ); lực lượng chức năng phát hiện, bắt giữ 298 vụ, 372 đối tượng phạm tội về ma túy, vận động 152 "
             "người nghiện đi cai nghiện tự nguyện."),
        Heading("II. KẾT QUẢ THỰC HIỆN"),
        Heading("1. Tuyên truyền, vận động"),
        Para("Công an tỉnh phối hợp với Ủy ban MTTQ Việt Nam tỉnh và các tổ chức thành viên tổ chức 1.928 buổi "
             "tuyên truyền với hơn 126.000 lượt người tham gia; phát 350 bản tin bằng tiếng Mông, tiếng Dao trên "
             "hệ thống loa truyền thanh thôn, bản."),
        Heading("2. Xây dựng mô hình"),
        Para("Toàn tỉnh duy trì 846 mô hình tự quản về an ninh, trật tự, trong đó xây dựng mới 58 mô hình trong năm "
             "2022; 92 mô hình được đánh giá hoạt động hiệu quả. Mô hình tiêu biểu: “Bản Mông không có người nghiện "
             "ma túy” ở huyện Mù Cang Chải, “Tổ tự quản phòng, chống di cư tự do” ở huyện Trạm Tấu, “Camera an ninh "
             "tổ dân phố” ở thành phố Yên Bái, “Phụ nữ không để người thân vi phạm pháp luật” ở huyện Lục Yên, “Tổ "
             "liên gia tự quản về an ninh, trật tự” ở huyện Văn Yên."),
        Para("Số mô hình và tin báo, tố giác tội phạm của từng địa phương năm 2022:"),
        Bullets((
            "- Thành phố Yên Bái: 124 mô hình, 86 tin báo, tố giác tội phạm;",
            "- Thị xã Nghĩa Lộ: 71 mô hình, 37 tin báo, tố giác tội phạm;",
            "- Huyện Lục Yên: 98 mô hình, 45 tin báo, tố giác tội phạm;",
            "- Huyện Văn Yên: 109 mô hình, 52 tin báo, tố giác tội phạm;",
            "- Huyện Yên Bình: 117 mô hình, 61 tin báo, tố giác tội phạm;",
            "- Huyện Trấn Yên: 96 mô hình, 44 tin báo, tố giác tội phạm;",
            "- Huyện Văn Chấn: 105 mô hình, 48 tin báo, tố giác tội phạm;",
            "- Huyện Trạm Tấu: 58 mô hình, 19 tin báo, tố giác tội phạm;",
            "- Huyện Mù Cang Chải: 68 mô hình, 26 tin báo, tố giác tội phạm.",
        )),
        Para("Tổng cộng toàn tỉnh: 846 mô hình, 418 tin báo, tố giác tội phạm."),
        Heading("3. Phát hiện, tố giác tội phạm"),
        Para("Quần chúng nhân dân cung cấp 1.524 nguồn tin có giá trị; Công an các cấp tiếp nhận 418 tin báo, tố "
             "giác tội phạm, tăng 7,7% so với năm 2021 (388 tin), giúp bắt, vận động đầu thú 21 đối tượng truy nã. "
             "Nhân dân giao nộp 96 khẩu súng tự chế và 14 kg thuốc nổ."),
        Heading("4. Xây dựng khu dân cư an toàn, Ngày hội toàn dân bảo vệ an ninh Tổ quốc"),
        Para("Có 1.296/1.403 thôn, tổ dân phố đạt tiêu chuẩn “An toàn về an ninh, trật tự”, đạt 92,4%; 158/173 xã, "
             "phường, thị trấn đạt tiêu chuẩn, đạt 91,3%."),
        Para("Ngày 09/8/2022, Công an tỉnh phối hợp với Ủy ban MTTQ Việt Nam tỉnh tổ chức Ngày hội toàn dân bảo vệ "
             "an ninh Tổ quốc điểm cấp tỉnh tại bản Lìm Mông, xã Cao Phạ, huyện Mù Cang Chải. Đồng chí Hà Quang "
             "Trung, Phó Chủ tịch UBND tỉnh và bà Giàng Thị Dua, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh dự, trao 100 "
             "suất quà, mỗi suất 500.000 đồng cho hộ nghèo."),
        Para("Nhân dân đóng góp gần 3,5 tỷ đồng và hơn 12.000 ngày công cho hoạt động của các mô hình; ngân sách "
             "tỉnh hỗ trợ 850 triệu đồng."),
        Heading("5. Khen thưởng"),
        Para("Năm 2022, Đại tá Đỗ Trọng Khang, Giám đốc Công an tỉnh tặng Giấy khen cho 28 tập thể, 46 cá nhân; UBND "
             "tỉnh tặng Bằng khen cho 9 tập thể, 15 cá nhân có thành tích xuất sắc trong phong trào."),
        Heading("III. HẠN CHẾ"),
        Para("Một số mô hình ở huyện Trạm Tấu và huyện Văn Chấn chưa phát huy hiệu quả; tình trạng di cư tự do chưa "
             "được giải quyết dứt điểm; việc tuyên truyền bằng tiếng dân tộc còn thiếu người biết tiếng."),
        Heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023"),
        Bullets((
            "- Phấn đấu xây dựng mới ít nhất 40 mô hình, nâng tổng số lên trên 880 mô hình;",
            "- Phấn đấu 93% thôn, tổ dân phố đạt tiêu chuẩn “An toàn về an ninh, trật tự”;",
            "- Giảm ít nhất 5% số vụ phạm pháp hình sự so với năm 2022; không để phát sinh điểm nóng về di cư tự do.",
        )),
    ),
    recipients=("Nơi nhận:", "- Cục V05 - Bộ Công an;", "- Thường trực Tỉnh ủy, UBND tỉnh;",
                "- Ủy ban MTTQ Việt Nam tỉnh;", "- Lưu: VT, PV05."),
    signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    signer="Thượng tá Lò Văn Thiện",
)

CA_MAU = Official(
    file="t05_ca-mau-2023.txt",
    issuer=("CÔNG AN TỈNH CÀ MAU",),
    number="Số: 486/BC-CAT",
    dateline="Cà Mau, ngày 15 tháng 12 năm 2023",
    kind="BÁO CÁO",
    title="Tổng kết phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023",
    date=dt.date(2023, 12, 15),
    province="Cà Mau",
    author="Công an tỉnh Cà Mau",
    body=(
        Para("Thực hiện Kế hoạch số 35/KH-UBND ngày 06/3/2023 của Ủy ban nhân dân tỉnh Cà Mau và Kế hoạch số "
             "597/KH-CAT-PV05 ngày 10/3/2023 của Công an tỉnh về xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc "
             "năm 2023, Công an tỉnh Cà Mau báo cáo kết quả như sau:"),
        Heading("I. TÌNH HÌNH CHUNG"),
        Para("Cà Mau có 9 đơn vị hành chính cấp huyện với 101 xã, phường, thị trấn, 879 ấp, khóm; bờ biển dài 254 "
             "km, có hơn 4.600 tàu cá hoạt động khai thác thủy sản. Năm 2023, tình hình an ninh nông thôn cơ bản "
             "ổn định; tuy nhiên, hoạt động của các đường dây đưa người xuất cảnh trái phép, tội phạm lừa đảo "
             "chiếm đoạt tài sản qua mạng xã hội và tình trạng sử dụng ma túy tổng hợp trong thanh thiếu niên còn "
             "phức tạp."),
        Heading("II. KẾT QUẢ THỰC HIỆN"),
        Heading("1. Công tác tuyên truyền"),
        Para("Công an các cấp tổ chức 2.436 cuộc tuyên truyền với hơn 168.000 lượt người tham dự; phối hợp Đài "
             "Phát thanh - Truyền hình tỉnh thực hiện 52 chuyên mục “Vì an ninh Tổ quốc”; duy trì 964 nhóm Zalo an "
             "ninh ấp, khóm với hơn 61.000 thành viên."),
        Heading("2. Xây dựng, củng cố mô hình"),
        Para("Đến nay, toàn tỉnh duy trì 1.487 mô hình tự quản về an ninh, trật tự, trong đó xây dựng mới 72 mô "
             "hình trong năm 2023. Các mô hình tiêu biểu: “Tổ đoàn kết tàu thuyền an toàn trên biển” ở huyện Trần "
             "Văn Thời, “Khóm không có tội phạm và tệ nạn xã hội” ở thành phố Cà Mau, “Camera an ninh kết nối "
             "Zalo” ở huyện Cái Nước, “Bến đò an toàn” ở huyện Năm Căn, “Dân vận khéo trong vận động ngư dân” ở "
             "huyện Ngọc Hiển."),
        Para("Toàn tỉnh duy trì 412 tổ đoàn kết tàu thuyền trên biển với 2.736 phương tiện tham gia; 100% tàu cá có "
             "chiều dài từ 15 m trở lên lắp thiết bị giám sát hành trình; năm 2023 không có tàu cá của tỉnh bị "
             "nước ngoài bắt giữ do vi phạm vùng biển."),
        Para("Nhân dân lắp đặt 5.320 camera an ninh, trong đó 1.150 camera lắp mới trong năm 2023, kinh phí khoảng "
             "4,3 tỷ đồng do Nhân dân đóng góp."),
        Para("Kết quả theo từng địa bàn năm 2023:"),
        Bullets((
            "- Thành phố Cà Mau: 236 mô hình, tiếp nhận 187 tin báo, tố giác tội phạm;",
            "- Huyện Thới Bình: 152 mô hình, tiếp nhận 96 tin báo, tố giác tội phạm;",
            "- Huyện U Minh: 131 mô hình, tiếp nhận 78 tin báo, tố giác tội phạm;",
            "- Huyện Trần Văn Thời: 214 mô hình, tiếp nhận 118 tin báo, tố giác tội phạm;",
            "- Huyện Cái Nước: 168 mô hình, tiếp nhận 104 tin báo, tố giác tội phạm;",
            "- Huyện Phú Tân: 139 mô hình, tiếp nhận 82 tin báo, tố giác tội phạm;",
            "- Huyện Đầm Dơi: 187 mô hình, tiếp nhận 121 tin báo, tố giác tội phạm;",
            "- Huyện Năm Căn: 126 mô hình, tiếp nhận 89 tin báo, tố giác tội phạm;",
            "- Huyện Ngọc Hiển: 134 mô hình, tiếp nhận 87 tin báo, tố giác tội phạm.",
        )),
        Heading("3. Tiếp nhận tin báo, phát hiện tội phạm"),
        Para("Công an các cấp tiếp nhận 962 tin báo, tố giác tội phạm, tăng 78 tin (8,8%) so với năm 2022; 100% tin "
             "báo được phân loại, giải quyết đúng quy định. Từ nguồn tin của quần chúng, lực lượng Công an phát "
             "hiện 164 vụ, 287 đối tượng phạm tội về ma túy; bắt, vận động đầu thú 38 đối tượng truy nã, trong đó "
             "có 14 đối tượng ra đầu thú."),
        Para("Các địa phương quản lý, giáo dục 337 người chấp hành xong án phạt tù; Quỹ phòng, chống tội phạm các "
             "cấp vận động được 2,15 tỷ đồng."),
        Heading("4. Xây dựng ấp, khóm, xã, phường, thị trấn an toàn"),
        Para("Có 789/879 ấp, khóm đạt tiêu chuẩn “An toàn về an ninh, trật tự”, đạt 89,8%; 92/101 xã, phường, thị "
             "trấn đạt tiêu chuẩn, đạt 91,1%."),
        Para("Ngày 18/8/2023, Công an tỉnh phối hợp với Ủy ban MTTQ Việt Nam tỉnh tổ chức Ngày hội toàn dân bảo vệ "
             "an ninh Tổ quốc điểm cấp tỉnh tại ấp Rạch Gốc, xã Tân Ân, huyện Ngọc Hiển. Dự Ngày hội có đồng chí "
             "Châu Văn Tài, Phó Chủ tịch UBND tỉnh; Đại tá Tạ Minh Khôi, Giám đốc Công an tỉnh; bà Dương Thị Bé "
             "Năm, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh. Dịp này, Giám đốc Công an tỉnh tặng Giấy khen cho 24 tập "
             "thể, 39 cá nhân; UBND tỉnh tặng Bằng khen cho 8 tập thể, 13 cá nhân."),
        Heading("III. HẠN CHẾ"),
        Para("Một số mô hình ở huyện U Minh và huyện Thới Bình hoạt động còn hình thức; tỷ lệ ấp, khóm đạt tiêu "
             "chuẩn an toàn chưa đạt chỉ tiêu 90% đề ra."),
        Heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"),
        Para("Phấn đấu 92% ấp, khóm đạt tiêu chuẩn “An toàn về an ninh, trật tự”; xây dựng mới ít nhất 50 mô hình; "
             "lắp đặt thêm 1.000 camera an ninh; thành lập 879 tổ bảo vệ an ninh, trật tự ở ấp, khóm theo Luật "
             "Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở."),
    ),
    recipients=("Nơi nhận:", "- Cục V05 - Bộ Công an;", "- Thường trực Tỉnh ủy, UBND tỉnh;",
                "- Ủy ban MTTQ Việt Nam tỉnh;", "- Lưu: VT, PV05."),
    signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
    signer="Đại tá Huỳnh Công Danh",
)

SON_DUONG = Official(
    file="t06_son-duong-tuyen-quang-2024.txt",
    issuer=("CÔNG AN TỈNH TUYÊN QUANG", "CÔNG AN HUYỆN SƠN DƯƠNG"),
    number="Số: 87/BC-CAH",
    dateline="Sơn Dương, ngày 12 tháng 6 năm 2024",
    kind="BÁO CÁO",
    title="Sơ kết công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc 6 tháng đầu năm 2024",
    date=dt.date(2024, 6, 12),
    province="Tuyên Quang",
    author="Công an huyện Sơn Dương",
    body=(
        Para("Thực hiện Kế hoạch số 42/KH-CAT-PV05 ngày 05/01/2024 của Công an tỉnh Tuyên Quang và Kế hoạch số "
             "15/KH-UBND ngày 18/01/2024 của Ủy ban nhân dân huyện Sơn Dương về xây dựng phong trào toàn dân bảo vệ "
             "an ninh Tổ quốc năm 2024, Công an huyện báo cáo kết quả 6 tháng đầu năm 2024 (số liệu từ ngày "
             "15/12/2023 đến ngày 10/6/2024) như sau:"),
        Heading("I. TÌNH HÌNH"),
        Para("Sơn Dương có 31 xã, thị trấn với 398 thôn, tổ dân phố, dân số khoảng 186.000 người, trong đó đồng bào "
             "dân tộc thiểu số chiếm 41%. 6 tháng đầu năm 2024, trên địa bàn huyện xảy ra 23 vụ phạm pháp hình sự, "
             "giảm 4 vụ so với cùng kỳ năm 2023; phát hiện, bắt 19 vụ, 27 đối tượng phạm tội về ma túy; xã Hồng "
             "Lạc vẫn còn 01 điểm phức tạp về ma túy."),
        Heading("II. KẾT QUẢ THỰC HIỆN"),
        Heading("1. Tuyên truyền, vận động"),
        Para("Công an huyện phối hợp tổ chức 146 buổi tuyên truyền với hơn 9.800 lượt người tham dự; đăng tải 62 "
             "tin, bài trên nhóm Zalo “An ninh Sơn Dương” và Trang thông tin điện tử của huyện."),
        Heading("2. Xây dựng, nhân rộng mô hình"),
        Para("Toàn huyện duy trì 126 mô hình tự quản về an ninh, trật tự, trong đó xây dựng mới 7 mô hình trong 6 "
             "tháng đầu năm 2024. Ngày 26/3/2024, tại xã Tân Trào, Công an huyện phối hợp với Ủy ban MTTQ Việt Nam "
             "huyện ra mắt mô hình “Camera an ninh – Tân Trào bình yên” với 48 camera do Nhân dân đóng góp, kinh phí "
             "khoảng 265 triệu đồng. Các mô hình tiêu biểu khác: “Khu dân cư không có tội phạm và tệ nạn xã hội” ở "
             "xã Hợp Thành, “Tổ liên gia tự quản” ở thị trấn Sơn Dương, “Nhóm Zalo an ninh thôn” ở xã Sầm Dương, "
             "“Cổng trường an toàn giao thông” ở xã Đông Thọ."),
        Para("Trong kỳ, Nhân dân lắp mới 241 camera an ninh, nâng tổng số camera an ninh trên địa bàn huyện lên "
             "1.083 camera."),
        Heading("3. Tiếp nhận tin báo, tố giác tội phạm"),
        Para("Công an huyện tiếp nhận 57 tin báo, tố giác tội phạm, tăng 9 tin (18,8%) so với cùng kỳ năm 2023 (48 "
             "tin); đã giải quyết 52 tin, đạt 91,2%. Từ nguồn tin của quần chúng, bắt 3 đối tượng truy nã, vận động "
             "2 đối tượng truy nã ra đầu thú; Nhân dân giao nộp 34 khẩu súng tự chế và 12 kg pháo nổ."),
        Para("Kết quả ở một số xã trọng điểm 6 tháng đầu năm 2024:"),
        Bullets((
            "- Xã Tân Trào: 6 mô hình, 4 tin báo, tố giác tội phạm;",
            "- Xã Hồng Lạc: 5 mô hình, 7 tin báo, tố giác tội phạm;",
            "- Xã Sầm Dương: 4 mô hình, 3 tin báo, tố giác tội phạm;",
            "- Xã Hợp Thành: 5 mô hình, 2 tin báo, tố giác tội phạm;",
            "- Xã Đông Thọ: 3 mô hình, 5 tin báo, tố giác tội phạm;",
            "- Thị trấn Sơn Dương: 9 mô hình, 11 tin báo, tố giác tội phạm.",
        )),
        Heading("4. Chuẩn bị thi hành Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở"),
        Para("Triển khai Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở (có hiệu lực từ ngày 01/7/2024), "
             "Công an huyện tham mưu UBND huyện dự kiến thành lập 398 tổ bảo vệ an ninh, trật tự với 1.194 thành "
             "viên; kinh phí hỗ trợ dự kiến 1,05 tỷ đồng mỗi năm từ ngân sách huyện. Quỹ “Vì an ninh trật tự” của "
             "huyện vận động được 175 triệu đồng."),
        Para("Ngày 05/6/2024, Thượng tá Nông Quốc Việt, Trưởng Công an huyện cùng bà Hoàng Thị Lan Anh, Phó Chủ tịch "
             "UBND huyện kiểm tra mô hình tại xã Hồng Lạc và xã Sầm Dương. Ông Lê Văn Cường, Chủ tịch Ủy ban MTTQ "
             "Việt Nam huyện đề nghị mỗi thôn bầu chọn người có uy tín tham gia tổ bảo vệ an ninh, trật tự."),
        Heading("III. HẠN CHẾ"),
        Para("Một số mô hình ở các xã vùng cao hoạt động chưa đều; việc cập nhật thông tin trên nhóm Zalo ở một số "
             "thôn chưa thường xuyên."),
        Heading("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2024"),
        Bullets((
            "- Hoàn thành thành lập 398 tổ bảo vệ an ninh, trật tự trước ngày 01/7/2024;",
            "- Xây dựng mới ít nhất 5 mô hình; xóa điểm phức tạp về ma túy ở xã Hồng Lạc;",
            "- Tỷ lệ điều tra, khám phá án hình sự đạt trên 80%.",
        )),
    ),
    recipients=("Nơi nhận:", "- Phòng PV05 Công an tỉnh;", "- Thường trực Huyện ủy, UBND huyện;",
                "- Ủy ban MTTQ Việt Nam huyện;", "- Lưu: VT."),
    signature=("KT. TRƯỞNG CÔNG AN HUYỆN", "PHÓ TRƯỞNG CÔNG AN HUYỆN"),
    signer="Trung tá Triệu Đức Minh",
)

SOC_TRANG = Official(
    file="t07_soc-trang-ke-hoach-2024.docx",
    issuer=("ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG",),
    number="Số: 24/KH-UBND",
    dateline="Sóc Trăng, ngày 22 tháng 01 năm 2024",
    kind="KẾ HOẠCH",
    title="Thực hiện phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2024",
    date=dt.date(2024, 1, 22),
    province="Sóc Trăng",
    author="Ủy ban nhân dân tỉnh Sóc Trăng",
    body=(
        Para("Căn cứ Kế hoạch số 1068/KH-BCA-V05 ngày 26/12/2023 của Bộ Công an về xây dựng phong trào toàn dân bảo "
             "vệ an ninh Tổ quốc năm 2024; xét đề nghị của Giám đốc Công an tỉnh tại Tờ trình số 57/TTr-CAT ngày "
             "12/01/2024, Ủy ban nhân dân tỉnh Sóc Trăng ban hành Kế hoạch thực hiện phong trào toàn dân bảo vệ an "
             "ninh Tổ quốc năm 2024 như sau:"),
        Heading("I. KẾT QUẢ NĂM 2023"),
        Para("Năm 2023, toàn tỉnh duy trì 1.372 mô hình tự quản về an ninh, trật tự; tiếp nhận 874 tin báo, tố giác "
             "tội phạm; 712/764 ấp, khóm đạt tiêu chuẩn “An toàn về an ninh, trật tự”, đạt 93,2%."),
        Para("Đồng bào Khmer chiếm khoảng 30% dân số của tỉnh. Các mô hình “Chùa Khmer an toàn về an ninh, trật tự”, "
             "“Sư sãi tham gia giữ gìn an ninh phum, sóc”, “Ấp văn hóa không có ma túy”, “Zalo an ninh khóm” và “Tổ "
             "liên gia an toàn phòng, chống tội phạm” phát huy hiệu quả; có 92 chùa Khmer tham gia mô hình, với "
             "1.460 sư sãi được tuyên truyền, vận động."),
        Para("Ngày hội toàn dân bảo vệ an ninh Tổ quốc điểm cấp tỉnh năm 2023 được tổ chức ngày 17/8/2023 tại xã "
             "Đại Ân 2, huyện Trần Đề, có bà Thạch Thị Sa Ry, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh dự. Từ nguồn tin "
             "của quần chúng, lực lượng Công an bắt 47 đối tượng truy nã, trong đó 18 đối tượng ra đầu thú; phá 38 "
             "chuyên án về ma túy. Kinh phí xã hội hóa cho các mô hình năm 2023 khoảng 5,1 tỷ đồng."),
        Para("Kết quả của từng địa phương năm 2023:"),
        Table(
            columns=("Địa phương", "Số mô hình năm 2023", "Tin báo, tố giác tội phạm năm 2023"),
            rows=(
                ("Thành phố Sóc Trăng", "168", "142"),
                ("Thị xã Vĩnh Châu", "131", "83"),
                ("Thị xã Ngã Năm", "96", "54"),
                ("Huyện Châu Thành", "118", "71"),
                ("Huyện Kế Sách", "142", "88"),
                ("Huyện Mỹ Tú", "109", "63"),
                ("Huyện Cù Lao Dung", "87", "39"),
                ("Huyện Long Phú", "124", "76"),
                ("Huyện Mỹ Xuyên", "153", "97"),
                ("Huyện Thạnh Trị", "101", "68"),
                ("Huyện Trần Đề", "143", "93"),
            ),
            total=("Tổng cộng", "1.372", "874"),
        ),
        Heading("II. MỤC ĐÍCH, YÊU CẦU"),
        Para("Phát huy sức mạnh tổng hợp của cả hệ thống chính trị và toàn dân tham gia bảo vệ an ninh, trật tự; "
             "gắn phong trào với việc thi hành Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở, có hiệu "
             "lực từ ngày 01/7/2024."),
        Heading("III. CHỈ TIÊU NĂM 2024"),
        Bullets((
            "- Phấn đấu 95% ấp, khóm đạt tiêu chuẩn “An toàn về an ninh, trật tự”;",
            "- Xây dựng mới ít nhất 55 mô hình tự quản về an ninh, trật tự và lắp đặt mới 1.000 camera an ninh;",
            "- Kéo giảm ít nhất 5% số vụ phạm tội về trật tự xã hội so với năm 2023;",
            ("- Tiếp nhận, phân loại, xử lý 100% tin báo, tố giác tội phạm; tỷ lệ điều tra, khám phá án hình sự đạt "
             "trên 78%, án rất nghiêm trọng và đặc biệt nghiêm trọng đạt trên 95%;"),
            "- Thành lập 764 tổ bảo vệ an ninh, trật tự ở ấp, khóm trước ngày 30/6/2024.",
        )),
        Para("Chỉ tiêu giao cho từng địa phương năm 2024:"),
        Table(
            columns=("Địa phương", "Mô hình xây dựng mới năm 2024", "Camera an ninh lắp mới năm 2024"),
            rows=(
                ("Thành phố Sóc Trăng", "7", "180"),
                ("Thị xã Vĩnh Châu", "5", "95"),
                ("Thị xã Ngã Năm", "4", "60"),
                ("Huyện Châu Thành", "5", "80"),
                ("Huyện Kế Sách", "6", "90"),
                ("Huyện Mỹ Tú", "4", "70"),
                ("Huyện Cù Lao Dung", "3", "45"),
                ("Huyện Long Phú", "5", "75"),
                ("Huyện Mỹ Xuyên", "6", "110"),
                ("Huyện Thạnh Trị", "4", "65"),
                ("Huyện Trần Đề", "6", "130"),
            ),
            total=("Tổng cộng", "55", "1.000"),
        ),
        Heading("IV. NHIỆM VỤ, GIẢI PHÁP"),
        Bullets((
            ("- Tổ chức “Ngày hội toàn dân bảo vệ an ninh Tổ quốc” ở 100% ấp, khóm từ ngày 01/8 đến ngày 19/8/2024; "
             "chọn thị xã Vĩnh Châu tổ chức điểm cấp tỉnh."),
            "- Đẩy mạnh tuyên truyền bằng tiếng Khmer trên sóng phát thanh, truyền hình và nhóm Zalo của ấp, khóm.",
        )),
        Heading("V. KINH PHÍ"),
        Para("Tổng kinh phí thực hiện Kế hoạch năm 2024 là 2,85 tỷ đồng từ ngân sách tỉnh, trong đó 1,6 tỷ đồng hỗ "
             "trợ hoạt động của các mô hình, 750 triệu đồng cho Ngày hội toàn dân bảo vệ an ninh Tổ quốc và 500 "
             "triệu đồng cho công tác khen thưởng."),
        Heading("VI. TỔ CHỨC THỰC HIỆN"),
        Para("Giao Công an tỉnh là cơ quan thường trực, chủ trì theo dõi, hướng dẫn thực hiện Kế hoạch; báo cáo sơ "
             "kết 6 tháng trước ngày 10/6/2024 và báo cáo năm trước ngày 10/11/2024. Ban Chỉ đạo 138 tỉnh do đồng "
             "chí Lý Thanh Dũng, Phó Chủ tịch UBND tỉnh làm Trưởng ban; Đại tá Kim Hoàng Sơn, Giám đốc Công an "
             "tỉnh làm Phó Trưởng ban thường trực. Hội nghị triển khai Kế hoạch được tổ chức vào ngày 26/01/2024."),
    ),
    recipients=("Nơi nhận:", "- Bộ Công an (Cục V05);", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- CT, các PCT UBND tỉnh;",
                "- Ủy ban MTTQ Việt Nam tỉnh;", "- Công an tỉnh;", "- UBND các huyện, thị xã, thành phố;",
                "- Lưu: VT, NC."),
    signature=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    signer="Lý Thanh Dũng",
)

BINH_DINH = News(
    file="t08_binh-dinh-2023.html",
    site="Bình Định Online",
    domain="binhdinhonline.vn",
    section="Quốc phòng - An ninh",
    title="Bình Định: Hơn 1.100 mô hình tự quản góp sức giữ bình yên thôn xóm",
    published="2023-09-19T16:40:00+07:00",
    sapo="Ngày 18/9/2023, tại xã Nhơn Hải, thành phố Quy Nhơn, Công an tỉnh Bình Định phối hợp với Ủy ban MTTQ "
         "Việt Nam tỉnh sơ kết 9 tháng phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2023, kết hợp tổ chức Ngày "
         "hội toàn dân bảo vệ an ninh Tổ quốc điểm cấp tỉnh.",
    body=(
        Para("Theo Đại tá Trương Công Định, Giám đốc Công an tỉnh, 9 tháng năm 2023, toàn tỉnh duy trì 1.106 mô hình "
             "tự quản về an ninh, trật tự, trong đó có 41 mô hình xây dựng mới. Quần chúng cung cấp 1.340 nguồn "
             "tin, trong đó có 526 tin báo, tố giác tội phạm, giúp lực lượng Công an bắt 33 đối tượng truy nã."),
        Para("Nhiều mô hình phát huy hiệu quả như “Làng chài bình yên” ở xã Nhơn Hải, “Camera an ninh khu phố” ở "
             "thành phố Quy Nhơn, “Thôn không có ma túy” ở thị xã An Nhơn, “Võ đường tham gia giữ gìn an ninh, trật "
             "tự” ở huyện Tây Sơn và “Già làng Bahnar giữ bình yên buôn làng” ở huyện Vĩnh Thạnh."),
        Para("Tại xã Nhơn Hải, 2 tổ tự quản tàu thuyền với 146 tàu cá thường xuyên chia sẻ thông tin qua nhóm Zalo, "
             "kịp thời báo tin 5 vụ việc trên biển. Ông Đào Xuân Lực, Trưởng thôn Lý Chánh, xã Nhơn Hải, cho biết "
             "từ khi có mô hình, thôn không còn xảy ra trộm cắp ngư lưới cụ."),
        Para("Ở huyện Tây Sơn, quê hương võ cổ truyền, 36 võ đường với hơn 1.200 võ sinh tham gia mô hình “Võ đường "
             "tham gia giữ gìn an ninh, trật tự”. Võ sư Trần Đình Sang, chủ nhiệm một võ đường ở xã Bình Thành, cho "
             "biết các võ sinh đã cùng Công an xã tham gia 48 ca tuần tra trong dịp Tết Nguyên đán 2023. Tại huyện "
             "Vĩnh Thạnh, 17 già làng người Bahnar tham gia hòa giải thành 23 vụ mâu thuẫn trong cộng đồng."),
        Para("Trong 9 tháng, lực lượng Công an phát hiện, bắt giữ 139 vụ, 231 đối tượng phạm tội về ma túy, phần lớn "
             "là ma túy tổng hợp; tội phạm lừa đảo qua mạng xảy ra 47 vụ, thiệt hại khoảng 9,4 tỷ đồng. Ngày hội "
             "tại xã Nhơn Hải có hơn 1.500 người dân tham dự, với các hoạt động thi tìm hiểu pháp luật, hướng dẫn "
             "nhận diện thủ đoạn lừa đảo qua Zalo và ra mắt tổ liên gia an toàn ở thôn Lý Chánh."),
        Para("Thông qua xã hội hoá, Nhân dân đóng góp hơn 5,8 tỷ đồng lắp đặt camera an ninh; riêng thành phố Quy "
             "Nhơn có 1.820 camera kết nối với Công an phường. Thượng tá Nguyễn Ngọc Phú, Trưởng phòng Xây dựng "
             "phong trào bảo vệ an ninh Tổ quốc Công an tỉnh, cho biết kết quả ở một số địa phương như sau:"),
        Table(
            columns=("Địa phương", "Mô hình", "Tin báo", "Camera an ninh"),
            rows=(
                ("Thành phố Quy Nhơn", "168", "131", "1.820"),
                ("Thị xã Hoài Nhơn", "142", "74", "960"),
                ("Thị xã An Nhơn", "118", "58", "645"),
                ("Huyện Tây Sơn", "97", "41", "388"),
            ),
        ),
        Para("Từ tháng 3/2023, Công an 159 xã, phường, thị trấn công khai số điện thoại và mã QR nhóm Zalo để người "
             "dân gửi tin báo; qua kênh này, Công an các địa phương đã tiếp nhận 208 tin phản ánh về an ninh, trật "
             "tự, trong đó 36 tin liên quan đến ma túy."),
        Para("Đến nay, 1.064/1.094 thôn, khu phố đạt tiêu chuẩn “An toàn về an ninh, trật tự”, đạt 97,3%."),
        Para("Phát biểu tại Ngày hội, bà Phan Thị Diễm Thúy, Phó Chủ tịch UBND tỉnh, đề nghị các địa phương tiếp tục "
             "thực hiện Kế hoạch số 77/KH-UBND ngày 14/4/2023 của UBND tỉnh, phấn đấu đến cuối năm 2023 có 100% xã, "
             "phường, thị trấn xây dựng mô hình camera an ninh và xây dựng mới thêm 30 mô hình. Những tháng cuối "
             "năm, Công an tỉnh tập trung kéo giảm tội phạm trộm cắp tài sản, phấn đấu tỷ lệ điều tra, khám phá án "
             "hình sự đạt trên 85%."),
        Para("Dịp này, Giám đốc Công an tỉnh tặng Giấy khen cho 12 tập thể, 20 cá nhân; Ban tổ chức trao 40 suất "
             "quà, mỗi suất trị giá 800.000 đồng, cho ngư dân có hoàn cảnh khó khăn."),
    ),
    byline="Hoài Thu",
    related=(
        "Bình Định: 42 đối tượng truy nã bị bắt trong 6 tháng đầu năm",
        "Phù Cát ra mắt 12 tổ liên gia an toàn",
        "Quảng Ngãi duy trì 934 mô hình tự quản về an ninh, trật tự",
        "Trao 500 suất quà cho ngư dân bám biển",
    ),
    most_read=(
        "Quy Nhơn đón hơn 600.000 lượt khách dịp lễ",
        "Giá cá ngừ đại dương giảm còn 95.000 đồng/kg",
    ),
    footer="© Bình Định Online. Giấy phép số 112/GP-BTTTT ngày 02/6/2021. Địa chỉ: 117 Lê Lợi, thành phố Quy Nhơn.",
)

REPORTS: tuple[Official | News, ...] = (LAM_DONG, NGHE_AN, BEN_TRE, YEN_BAI, CA_MAU, SON_DUONG, SOC_TRANG, BINH_DINH)


def generate(out: Path) -> list[Path]:
    """Write every report into ``out`` (created if missing); return the paths written."""
    return write_all(REPORTS, out)


def main(argv: list[str] | None = None) -> int:
    return command_line(REPORTS, OUT, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
