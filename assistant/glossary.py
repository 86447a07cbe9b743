"""The bilingual glossary of the domain: English words of a question in the reports' Vietnamese.

English questions are answered from Vietnamese reports: the glossary gives BM25 the reports'
words for an English question, lets the asked noun of "how many models" be "mô hình", and, read
backwards, lets the training questions of ``assistant.train`` be asked in English too. It is one
piece of evidence among others (the learned scorer also sees the embedding's cosines), never a gate.
"""
from __future__ import annotations

import re

GLOSSARY: dict[str, str] = {
    # what is counted
    "model": "mô hình", "type of model": "loại mô hình", "kind of model": "loại mô hình",
    "model type": "loại mô hình", "model site": "điểm mô hình", "site": "điểm",
    "model team": "tổ thực hiện mô hình", "team": "tổ", "group": "tổ", "type": "loại", "kind": "loại",
    "propaganda session": "buổi tuyên truyền", "communication session": "buổi tuyên truyền",
    "awareness session": "buổi tuyên truyền", "propaganda event": "buổi tuyên truyền",
    "propaganda": "tuyên truyền", "communication": "tuyên truyền", "awareness raising": "tuyên truyền",
    "participant": "lượt người tham gia", "attendee": "lượt người tham gia", "participation": "lượt người tham gia",
    "people took part": "lượt người tham gia", "people participated": "lượt người tham gia",
    "people": "người", "person": "người",
    "collective": "tập thể", "organisation": "tập thể", "organization": "tập thể",
    "individual": "cá nhân",
    "certificate of merit": "bằng khen", "merit certificate": "bằng khen",
    "certificate of commendation": "giấy khen", "letter of commendation": "giấy khen", "commendation": "giấy khen",
    "award": "khen thưởng", "reward": "khen thưởng", "awarded": "tặng",
    "banner": "băng zôn", "slogan": "khẩu hiệu", "poster": "pa nô", "billboard": "pa nô",
    "document": "tài liệu", "material": "tài liệu", "leaflet": "tài liệu",
    "news article": "tin bài", "article": "tin bài", "news item": "tin bài", "news": "tin bài", "bulletin": "bản tin",
    "training course": "lớp tập huấn", "training class": "lớp tập huấn", "training": "tập huấn",
    "delegate": "đại biểu",
    # what is done
    "maintain": "duy trì", "maintained": "duy trì",
    "build": "xây dựng", "built": "xây dựng", "establish": "xây dựng", "set up": "xây dựng",
    "replicate": "nhân rộng", "replicated": "nhân rộng", "scale up": "nhân rộng", "expand": "nhân rộng",
    "manage": "quản lý", "managed": "quản lý", "under management": "quản lý",
    "recidivism": "tái phạm", "reoffend": "tái phạm", "reoffending": "tái phạm", "repeat offender": "tái phạm",
    "recidivism rate": "tỷ lệ tái phạm", "reoffending rate": "tỷ lệ tái phạm",
    "wanted person": "đối tượng truy nã", "fugitive": "đối tượng truy nã", "wanted": "truy nã",
    "subject": "đối tượng", "offender": "đối tượng",
    "conference": "hội nghị", "meeting": "hội nghị", "review": "tổng kết", "summary": "tổng kết",
    "preliminary review": "sơ kết", "mid-term review": "sơ kết", "online": "trực tuyến",
    "speech": "phát biểu", "speak": "phát biểu", "chaired": "chủ trì", "chair": "chủ trì",
    "preside": "chủ trì", "presided": "chủ trì",
    # who
    "police": "công an", "provincial police": "công an tỉnh", "ministry of public security": "Bộ Công an",
    "director": "giám đốc", "deputy director": "phó giám đốc",
    "chairman": "chủ tịch", "chairwoman": "chủ tịch", "president": "chủ tịch",
    "vice chairman": "phó chủ tịch", "vice-chairman": "phó chủ tịch", "deputy chairman": "phó chủ tịch",
    "people's committee": "Ủy ban nhân dân", "peoples committee": "Ủy ban nhân dân",
    "fatherland front": "Mặt trận Tổ quốc", "front committee": "Ủy ban Mặt trận Tổ quốc",
    "steering committee": "Ban Chỉ đạo", "mass mobilization": "dân vận", "mass mobilisation": "dân vận",
    "veteran": "cựu chiến binh", "youth": "thanh niên", "youth union": "Đoàn Thanh niên",
    "women": "phụ nữ", "women's union": "Hội Phụ nữ", "farmer": "nông dân",
    "prestigious person": "người có uy tín", "village elder": "người có uy tín",
    # what about
    "national security": "an ninh Tổ quốc", "fatherland security": "an ninh Tổ quốc",
    "homeland security": "an ninh Tổ quốc", "security and order": "an ninh trật tự",
    "public order": "an ninh trật tự", "security": "an ninh", "order": "trật tự",
    "movement": "phong trào", "all people": "toàn dân", "whole people": "toàn dân",
    "coordination programme": "chương trình phối hợp", "coordination program": "chương trình phối hợp",
    "joint programme": "chương trình phối hợp", "programme": "chương trình", "program": "chương trình",
    "coordination": "phối hợp", "cooperation": "phối hợp", "coordinate": "phối hợp",
    "self-managed": "tự quản", "self-management": "tự quản", "self-governing": "tự quản",
    "self-defence": "tự bảo vệ", "self-protection": "tự bảo vệ", "self-prevention": "tự phòng",
    "reconciliation": "hòa giải", "mediation": "hòa giải",
    "crime": "tội phạm", "criminal": "tội phạm", "drug": "ma túy", "social evil": "tệ nạn xã hội",
    "religion": "tôn giáo", "religious": "tôn giáo", "parish": "xứ họ đạo", "ethnic minority": "dân tộc thiểu số",
    "border": "biên giới", "camera": "camera", "cyberspace": "không gian mạng", "mental illness": "tâm thần",
    "mentally ill": "tâm thần", "reintegration": "tái hòa nhập", "reintegrate": "tái hòa nhập",
    "gong": "tiếng kẻng", "residential area": "khu dân cư", "safe": "an toàn",
    "festival": "ngày hội", "great national unity": "đại đoàn kết", "great unity": "đại đoàn kết",
    "bright spot": "điểm sáng", "highlight": "điểm sáng",
    "typical": "tiêu biểu", "outstanding": "tiêu biểu", "exemplary": "điển hình",
    "result": "kết quả", "achievement": "kết quả", "limitation": "hạn chế", "shortcoming": "hạn chế",
    "weakness": "hạn chế", "solution": "giải pháp",
    "district": "huyện", "commune": "xã", "province": "tỉnh", "village": "thôn",
    "period": "giai đoạn", "year": "năm", "rate": "tỷ lệ", "percentage": "tỷ lệ", "proportion": "tỷ lệ",
}
"""English domain words (singular; plurals are matched through a small stemmer) → Vietnamese."""
_NO_STEM = {"news", "police", "process", "status", "series", "analysis", "always", "various", "previous"}


def _stem(word: str) -> str:
    """Crude English singular: "sessions" → "session", "activities" → "activity"."""
    if word in _NO_STEM or len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(_stem(w) for w in re.findall(r"[a-z']+", phrase.lower().replace("-", " ")))


_GLOSSARY_KEYS = {_phrase_key(en): vi for en, vi in GLOSSARY.items()}
_GLOSSARY_LONGEST = max(len(k) for k in _GLOSSARY_KEYS)


def english_spans(text: str) -> list[tuple[int, int, str]]:
    """Glossary phrases in ``text``, longest first at each word: (start, end, Vietnamese)."""
    words = [(m.start(), m.end(), _stem(m.group().lower())) for m in re.finditer(r"[A-Za-z']+", text)]
    found = []
    i = 0
    while i < len(words):
        for n in range(min(_GLOSSARY_LONGEST, len(words) - i), 0, -1):
            key = tuple(w for _, _, w in words[i:i + n])
            if key in _GLOSSARY_KEYS:
                found.append((words[i][0], words[i + n - 1][1], _GLOSSARY_KEYS[key]))
                i += n
                break
        else:
            i += 1
    return found


def expand_english(text: str) -> str:
    """Vietnamese domain terms for the English words of a question, to add to the BM25 query."""
    return " ".join(dict.fromkeys(vi for _, _, vi in english_spans(text)))


def _english_of() -> dict[str, str]:
    """Vietnamese phrase → the first English phrase the glossary gives for it (its shortest form)."""
    out: dict[str, str] = {}
    for en, vi in GLOSSARY.items():
        key = vi.lower()
        if key not in out or len(en) < len(out[key]):
            out[key] = en
    return out


ENGLISH_OF = _english_of()
"""The glossary read backwards, for the English templates of generated training questions."""
ENGLISH_VERBS = frozenset({"maintain", "build", "establish", "replicate", "expand", "manage", "coordinate"})
"""The glossary's English verbs in their base form: the ones a "How many … did X {verb}?" template may use."""
_NO_PLURAL = frozenset({"people", "police", "news", "propaganda", "training", "security", "youth", "women"})


def english_head(vietnamese: str) -> str | None:
    """An English rendering of the longest start of a noun phrase the glossary covers ("mô hình tự phòng"
    → "model"): what an English question names when it cannot name the rest."""
    words = vietnamese.split()
    for n in range(len(words), 0, -1):
        if english := english_for(" ".join(words[:n])):
            return english
    return None


def english_for(vietnamese: str) -> str | None:
    """An English rendering of a Vietnamese noun phrase, when the glossary covers all its words.

    Phrases are matched longest first ("loại mô hình" before "mô hình"); None when any word is left
    over, so a template never mixes languages. Vietnamese puts the head first and English last, so the
    phrases are given in reverse ("mô hình tự phòng" → "self-prevention model", "giám đốc công an tỉnh"
    → "provincial police director").
    """
    words = vietnamese.lower().split()
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in range(len(words) - i, 0, -1):
            phrase = " ".join(words[i:i + n])
            if phrase in ENGLISH_OF:
                out.append(ENGLISH_OF[phrase])
                i += n
                break
        else:
            return None
    return " ".join(reversed(out))


def english_verb(vietnamese: str) -> str | None:
    """The English base form of a Vietnamese verb phrase the glossary gives one for ("duy trì" → "maintain"),
    else None: a template then says "report" rather than a noun or a participle in the verb's place."""
    english = ENGLISH_OF.get(vietnamese.lower())
    return english if english in ENGLISH_VERBS else None


def english_plural(noun: str) -> str:
    """A counted English noun phrase in the plural ("model" → "models", "people" stays)."""
    head = noun.rsplit(" ", 1)[-1]
    if head in _NO_PLURAL or head.endswith("s"):
        return noun
    return noun[:-1] + "ies" if head.endswith("y") and head[-2:-1] not in "aeiou" else noun + "s"
