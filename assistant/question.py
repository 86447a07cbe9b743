"""Understanding a question without a language model: language, kind, entities, follow-ups.

The kind decides what the answer must carry (a number next to the asked-about noun, a
person, a date); the focus terms name that noun in Vietnamese, also for English questions,
through a bilingual glossary of the domain.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, Sequence

from assistant.places import provinces_in_question
from assistant.text import canonical, fold, has_diacritics

Lang = Literal["vi", "vi_nodiac", "en"]
Kind = Literal["count", "rate", "who", "when", "where", "which_model", "yesno", "other"]

GLOSSARY: dict[str, str] = {
    "propaganda session": "buổi tuyên truyền", "propaganda sessions": "buổi tuyên truyền",
    "communication session": "buổi tuyên truyền", "awareness session": "buổi tuyên truyền",
    "propaganda": "tuyên truyền", "communication": "tuyên truyền",
    "types of models": "loại mô hình", "kinds of models": "loại mô hình", "type of model": "loại mô hình",
    "model sites": "điểm mô hình", "model teams": "tổ thực hiện mô hình",
    "models": "mô hình", "model": "mô hình",
    "participants": "lượt người tham gia", "people took part": "lượt người tham gia",
    "attendances": "lượt người tham gia", "participations": "lượt người tham gia",
    "collectives": "tập thể", "collective": "tập thể", "organisations": "tập thể", "organizations": "tập thể",
    "individuals": "cá nhân", "individual": "cá nhân", "persons": "cá nhân",
    "certificates of merit": "bằng khen", "certificate of merit": "bằng khen", "merit": "bằng khen",
    "certificates of commendation": "giấy khen", "commendation": "giấy khen", "commendations": "giấy khen",
    "awards": "khen thưởng", "awarded": "tặng khen", "award": "khen thưởng",
    "maintained": "duy trì", "maintain": "duy trì", "maintains": "duy trì",
    "built": "xây dựng", "build": "xây dựng", "replicated": "nhân rộng", "replicate": "nhân rộng",
    "recidivism": "tái phạm", "reoffending": "tái phạm", "reoffended": "tái phạm",
    "wanted person": "đối tượng truy nã", "wanted": "truy nã",
    "subjects": "đối tượng", "offenders": "đối tượng", "managed": "quản lý", "manage": "quản lý",
    "managing": "quản lý", "people managed": "người quản lý",
    "conference": "hội nghị", "meeting": "hội nghị", "review": "tổng kết", "summary": "tổng kết",
    "preliminary review": "sơ kết", "online": "trực tuyến",
    "police": "công an", "provincial police": "công an tỉnh", "director": "giám đốc",
    "vice chairman": "phó chủ tịch", "vice-chairman": "phó chủ tịch", "chairman": "chủ tịch",
    "chairwoman": "chủ tịch", "chair": "chủ tịch", "head": "trưởng ban",
    "people's committee": "ủy ban nhân dân", "peoples committee": "ủy ban nhân dân",
    "fatherland front": "mặt trận tổ quốc", "front": "mặt trận",
    "banners": "băng zôn khẩu hiệu", "slogans": "khẩu hiệu", "posters": "pa nô",
    "documents": "tài liệu", "materials": "tài liệu", "news": "tin bài", "articles": "tin bài",
    "reports": "phóng sự", "training courses": "lớp tập huấn", "training": "tập huấn",
    "delegates": "đại biểu", "security": "an ninh", "national security": "an ninh tổ quốc",
    "order": "trật tự", "movement": "phong trào", "programme": "chương trình", "program": "chương trình",
    "coordination": "phối hợp", "cooperation": "phối hợp", "self-managed": "tự quản",
    "self-management": "tự quản", "self-defence": "tự bảo vệ", "self-protection": "tự bảo vệ",
    "reconciliation": "hòa giải", "mediation": "hòa giải", "crime": "tội phạm", "crimes": "tội phạm",
    "drugs": "ma túy", "social evils": "tệ nạn xã hội", "veterans": "cựu chiến binh",
    "youth": "thanh niên", "women": "phụ nữ", "farmers": "nông dân", "religious": "tôn giáo",
    "parish": "xứ họ đạo", "border": "biên giới", "camera": "camera", "district": "huyện",
    "commune": "xã", "period": "giai đoạn", "years": "năm", "rate": "tỷ lệ", "percentage": "tỷ lệ",
    "population": "dân số", "budget": "kinh phí", "funding": "kinh phí", "arrests": "bắt giữ",
    "cases": "vụ án", "households": "hộ gia đình", "members": "thành viên", "teams": "tổ",
    "team": "tổ", "groups": "tổ", "bright spot": "điểm sáng", "typical": "tiêu biểu",
    "outstanding": "tiêu biểu", "festival": "ngày hội", "great unity": "đại đoàn kết",
}
"""English domain words → Vietnamese; longer phrases are matched first."""

FOCUS_NOUNS = ("buổi tuyên truyền", "lượt người", "loại mô hình", "điểm mô hình", "tổ thực hiện mô hình",
               "mô hình", "tập thể", "cá nhân", "đối tượng", "người", "băng zôn", "tài liệu", "tin bài",
               "lượt tin", "lớp tập huấn", "đại biểu", "dân số", "vụ án", "hộ gia đình", "kinh phí", "tổ")
"""The nouns a number can count, most specific first."""

EN_WORDS = {"how", "what", "who", "when", "where", "which", "many", "much", "did", "does", "the", "of", "is",
            "are", "was", "were", "and", "in", "to", "by", "for", "with", "model", "models", "province", "rate"}
_QUOTED = re.compile(r"[“\"']([^”\"']{3,120})[”\"']")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


@dataclass(frozen=True)
class Question:
    text: str
    lang: Lang
    kind: Kind
    provinces: tuple[str, ...]
    year: int | None
    quoted: tuple[str, ...]
    focus_terms: tuple[str, ...]


def detect_lang(text: str) -> Lang:
    if has_diacritics(text):
        return "vi"
    words = re.findall(r"[a-z]+", text.lower())
    english = sum(1 for w in words if w in EN_WORDS or w in GLOSSARY)
    return "en" if words and english / len(words) >= 0.25 else "vi_nodiac"


def expand_english(text: str) -> str:
    """Vietnamese domain terms for the English words of a question (longest phrases first)."""
    low = " " + re.sub(r"[^\w' -]", " ", text.lower()) + " "
    found = []
    for phrase in sorted(GLOSSARY, key=len, reverse=True):
        if f" {phrase} " in low:
            found.append(GLOSSARY[phrase])
            low = low.replace(f" {phrase} ", " | ")
    return " ".join(dict.fromkeys(found))


_KIND_RULES: list[tuple[Kind, str]] = [
    ("rate", r"\bty le\b|\bti le\b|phan tram|\brate\b|percent|percentage|%"),
    ("count", r"bao nhieu|\bmay\b|so luong|how many|how much|number of|\bcount\b|tong so"),
    ("who", r"\bai\b|\bwho\b|\bwhom\b|nguoi nao|vi nao|dong chi nao|chu tri|whose"),
    ("when", r"khi nao|luc nao|bao gio|ngay nao|thang nao|nam nao|thoi gian nao|\bwhen\b|what date|which date|"
             r"what year|which year|vao ngay"),
    ("which_model", r"mo hinh nao|nhung mo hinh|cac mo hinh|mo hinh gi|which model|what model|name.*models?|"
                    r"models? (?:such as|like)|typical models?|tieu bieu|dien hinh"),
    ("where", r"\bo dau\b|\bdau\b|huyen nao|tinh nao|dia phuong nao|noi nao|\bwhere\b|which province|"
              r"which district|in what province"),
    ("yesno", r"\bco\b.*\bkhong\s*\??$|\bphai khong\b|\bdung khong\b|^(?:is|are|did|does|was|were|has|have)\b"),
]


def detect_kind(text: str) -> Kind:
    folded = fold(text)
    for kind, pattern in _KIND_RULES:
        if re.search(pattern, folded):
            return kind
    return "other"


def focus_terms(text: str, lang: Lang) -> tuple[str, ...]:
    """The nouns asked about, in Vietnamese canonical form ("mô hình", "tập thể")."""
    source = expand_english(text) if lang == "en" else text
    hay = fold(source) if lang == "vi_nodiac" else canonical(source)
    out: list[str] = []
    for noun in FOCUS_NOUNS:
        key = fold(noun) if lang == "vi_nodiac" else canonical(noun)
        if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", hay) and not any(key in canonical(o) for o in out):
            out.append(noun)
    return tuple(out[:2])


def analyse(text: str) -> Question:
    lang = detect_lang(text)
    year = _YEAR.search(text)
    return Question(
        text=text, lang=lang, kind=detect_kind(text), provinces=tuple(provinces_in_question(text)),
        year=int(year.group(1)) if year else None,
        quoted=tuple(m.group(1) for m in _QUOTED.finditer(text)), focus_terms=focus_terms(text, lang),
    )


_FOLLOWUP_VI = re.compile(r"^\s*(?:còn|thế còn|vậy còn|con|the con|vay con)\s+(.+?)\s*(?:thì sao|thi sao|thế nào|"
                          r"the nao|ra sao|nữa|nua)?\s*\??\s*$", re.I)
_FOLLOWUP_EN = re.compile(r"^\s*(?:and|what about|how about)\s+(.+?)\s*\??\s*$", re.I)


def resolve_followup(text: str, history: Sequence[str]) -> str:
    """Rewrite a follow-up ("Còn Kon Tum thì sao?", "And Thanh Hoa?") into a full question.

    A new province replaces the one in the previous question; a new noun ("Còn số cá
    nhân?") replaces the previous question's focus noun. A complete question is kept.
    """
    if not history:
        return text
    match = _FOLLOWUP_VI.match(text) or _FOLLOWUP_EN.match(text)
    if not match:
        return text
    previous = history[-1]
    for earlier in reversed(history):  # the last full question, not an earlier follow-up
        if not (_FOLLOWUP_VI.match(earlier) or _FOLLOWUP_EN.match(earlier)):
            previous = earlier
            break
    subject = re.sub(r"^(?:số|so|the number of|số lượng)\s+", "", match.group(1).strip(), flags=re.I)
    new_provinces = provinces_in_question(subject)
    old_provinces = provinces_in_question(previous)
    if new_provinces:
        if old_provinces:
            return _replace_place(previous, old_provinces[0], new_provinces[0])
        return f"{previous.rstrip(' ?')} ở {new_provinces[0]}?"
    prev_lang = detect_lang(previous)
    old_focus = focus_terms(previous, prev_lang)
    new_focus = focus_terms(subject, detect_lang(subject) if detect_lang(subject) != "en" else "en")
    if old_focus and new_focus and prev_lang != "en":
        return _replace_words(previous, old_focus[0], new_focus[0])
    if old_focus and new_focus:
        english = {v: k for k, v in GLOSSARY.items()}
        for en_word, vi in GLOSSARY.items():
            if vi == old_focus[0] and re.search(rf"\b{re.escape(en_word)}\b", previous, re.I):
                return re.sub(rf"\b{re.escape(en_word)}\b", subject, previous, count=1, flags=re.I)
        return f"{previous.rstrip(' ?')} ({english.get(new_focus[0], subject)})?"
    return f"{previous.rstrip(' ?')} – {subject}?"


def _replace_place(question: str, old: str, new: str) -> str:
    """Replace the old province however it was spelled in the question."""
    folded = fold(question)
    m = re.search(rf"(?<![a-z]){re.escape(fold(old))}(?![a-z])", folded)
    if not m:
        return f"{question.rstrip(' ?')} ở {new}?"
    return question[:m.start()] + new + question[m.end():]


def _replace_words(question: str, old: str, new: str) -> str:
    folded, key = fold(question), fold(old)
    i = folded.find(key)
    return question if i < 0 else question[:i] + new + question[i + len(key):]
