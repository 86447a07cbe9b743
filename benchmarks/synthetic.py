"""Deterministic synthetic corpora of report-like Vietnamese text, with planted facts to check answers.

Each report has a title, an official date line and ``chunks_per_report`` paragraphs built from
templates and the seeds' vocabulary (provinces, districts, model names, figures). Its first
paragraph plants one fact, "Xã <unique name> … có <N> tổ tự quản", whose question and answer
are returned with the corpus.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

PROVINCES = {
    "Kon Tum": ["Ngọc Hồi", "Đăk Hà", "Sa Thầy", "Kon Plông"],
    "Thanh Hóa": ["Như Xuân", "Quan Hóa", "Nông Cống", "Tĩnh Gia"],
    "Quảng Nam": ["Đại Lộc", "Duy Xuyên", "Núi Thành", "Tiên Phước"],
    "Thái Bình": ["Vũ Thư", "Kiến Xương", "Tiền Hải", "Đông Hưng"],
    "Hòa Bình": ["Cao Phong", "Lạc Sơn", "Mai Châu", "Kim Bôi"],
    "Nghệ An": ["Quỳnh Lưu", "Diễn Châu", "Yên Thành", "Anh Sơn"],
    "Gia Lai": ["Chư Sê", "Đức Cơ", "Ia Grai", "Krông Pa"],
    "Bắc Giang": ["Lục Nam", "Yên Thế", "Hiệp Hòa", "Lạng Giang"],
}
MODELS = ["Tiếng kẻng làng tôi", "Sổ an ninh", "Tổ cộng đồng tự quản", "Camera giám sát an ninh",
          "Zalo an ninh", "Đội dân phòng bảo vệ an ninh trật tự", "Tổ tự quản khu nhà trọ công nhân",
          "Cựu chiến binh phòng, chống tội phạm và ma túy", "Thanh niên với văn hóa giao thông",
          "Liên kết đảm bảo ANTT vùng giáp ranh", "Khu dân cư không có tội phạm", "Dòng họ tự quản"]
SYLLABLES = ["Tân", "Hòa", "Phú", "Minh", "Thạnh", "Lộc", "An", "Bình", "Hưng", "Đông", "Tây", "Nam", "Bắc",
             "Long", "Phước", "Thuận", "Quang", "Trung", "Nghĩa", "Xuân", "Thịnh", "Vĩnh", "Khánh", "Hải",
             "Sơn", "Lâm", "Thủy", "Cát", "Hiệp", "Đức"]
PARAGRAPHS = [
    "Trong năm {year}, lực lượng Công an huyện {district} đã phối hợp với Ủy ban MTTQ Việt Nam cùng cấp tổ chức "
    "{a} buổi tuyên truyền, thu hút hơn {b} lượt người tham gia; vận động quần chúng cung cấp {c} nguồn tin "
    "có giá trị về an ninh trật tự, giúp lực lượng chức năng bắt giữ {d} đối tượng truy nã.",
    "Mô hình “{model}” ở huyện {district} tiếp tục phát huy hiệu quả; toàn tỉnh {province} hiện duy trì {a} mô "
    "hình tự phòng, tự quản, tự bảo vệ, tự hòa giải, với {b} tổ an ninh nhân dân và {c} tổ hòa giải ở cơ sở.",
    "Phong trào toàn dân bảo vệ an ninh Tổ quốc được triển khai sâu rộng; tỷ lệ xã, phường, thị trấn đạt "
    "tiêu chuẩn an toàn về an ninh trật tự là {p},{q}%, số vụ phạm pháp hình sự giảm {a} vụ so với năm "
    "{prev}, tỷ lệ tái phạm được kiềm chế ở mức thấp.",
    "Dịp này, Chủ tịch UBND tỉnh {province} tặng Bằng khen cho {a} tập thể và {b} cá nhân có thành tích xuất "
    "sắc trong phong trào; Giám đốc Công an tỉnh tặng Giấy khen cho {c} tập thể, {d} cá nhân.",
]


@dataclass(frozen=True)
class PlantedFact:
    question: str
    answer: str
    source: str


@dataclass(frozen=True)
class SyntheticReport:
    source: str
    text: str


def _commune(rng: random.Random, used: set[str]) -> str:
    """A commune name not used before: three syllables, four once most three-syllable names are taken."""
    length = 3 if len(used) < 20_000 else 4
    while True:
        name = " ".join(rng.sample(SYLLABLES, length))
        if name not in used:
            used.add(name)
            return name


def generate(chunks: int, chunks_per_report: int = 10, seed: int = 7) -> tuple[list[SyntheticReport],
                                                                               list[PlantedFact]]:
    """About ``chunks`` chunks' worth of reports (each paragraph ≈ one 700-character chunk)."""
    rng = random.Random(seed)
    used: set[str] = set()
    reports, facts = [], []
    for r in range((chunks + chunks_per_report - 1) // chunks_per_report):
        province = rng.choice(list(PROVINCES))
        district = rng.choice(PROVINCES[province])
        year = rng.randint(2013, 2024)
        day, month = rng.randint(1, 28), rng.randint(1, 12)
        commune, teams = _commune(rng, used), f"{rng.randint(11, 9999):,}".replace(",", ".")
        paragraphs = [f"Báo cáo sơ kết phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh {province} năm {year}",
                      f"{province}, ngày {day}/{month}/{year}. Xã {commune} (huyện {district}, tỉnh {province}) "
                      f"có {teams} tổ tự quản về an ninh trật tự, là đơn vị dẫn đầu phong trào năm {year}."]
        for _ in range(chunks_per_report - 1):
            template = rng.choice(PARAGRAPHS)
            paragraphs.append(template.format(
                year=year, prev=year - 1, district=rng.choice(PROVINCES[province]), province=province,
                model=rng.choice(MODELS), a=rng.randint(2, 400), b=rng.randint(100, 90000), c=rng.randint(1, 300),
                d=rng.randint(1, 60), p=rng.randint(60, 99), q=rng.randint(1, 99)))
            paragraphs[-1] += " " + paragraphs[-1]  # ≈ 600–800 characters, one chunk each
        source = f"r{r:06d}.txt"
        reports.append(SyntheticReport(source, "\n\n".join(paragraphs) + "\n"))
        facts.append(PlantedFact(f"Xã {commune} có bao nhiêu tổ tự quản?", teams, source))
    return reports, facts


def write(reports: list[SyntheticReport], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for report in reports:
        (folder / report.source).write_text(report.text, encoding="utf-8")
