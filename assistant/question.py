"""Understanding a question without a language model: language, kind, entities, follow-ups.

The kind (recognised by the table in ``assistant.kinds``) says what can answer (a number, a
person, a date); the focus terms name the asked noun in Vietnamese, also for English questions,
through the bilingual glossary of ``assistant.glossary``. Provinces come from ``assistant.places`` when
it is installed (imported lazily), else from runs of capitalised words.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from assistant.districts import district_mention
from assistant.glossary import GLOSSARY, english_spans, expand_english  # noqa: F401 (re-exported: their old home)
from assistant.kinds import Kind, detect_kind
from assistant.kinds import plain as _plain
from assistant.numbers import find_numbers
from assistant.text import canonical, fold, has_diacritics, nfc, quotes, syllables

Lang = Literal["vi", "vi_nodiac", "en"]
ProvinceFinder = Callable[[str], list[str]]

FOCUS_NOUNS = (
    "buổi tuyên truyền", "lượt người", "lượt tin", "tin bài", "loại mô hình", "điểm mô hình", "mô hình",
    "tập thể", "cá nhân", "đối tượng truy nã", "đối tượng", "người tái phạm", "tỷ lệ tái phạm", "băng zôn",
    "khẩu hiệu", "pa nô", "tài liệu", "lớp tập huấn", "đại biểu", "hội nghị", "vụ án", "hộ gia đình",
    "loại", "người", "tổ", "năm", "tháng", "xã", "huyện", "tỉnh",
)
"""The nouns a number can count, in the form the reports write them."""
CUE_ONLY = {"người", "tổ", "năm", "tháng", "xã", "huyện", "tỉnh"}
"""Nouns too common to be the focus unless they follow the question word ("bao nhiêu năm")."""
_NOUN_STOP = ("được", "đã", "có", "là", "của", "ở", "tại", "trong", "và", "thì", "cho", "với", "đến", "từ",
              "năm", "người", "không", "vậy", "nữa", "nào", "gì")
COUNT_CUES = (("bao", "nhiêu"), ("mấy",), ("số", "lượng"), ("tổng", "số"), ("số",))

_EN_ONLY = {"what", "how", "many", "much", "who", "whom", "whose", "when", "where", "which", "why", "is", "are",
            "was", "were", "did", "does", "has", "have", "had", "of", "and", "for", "with", "by", "from", "about",
            "there", "their", "this", "that", "been", "be", "its", "it", "the"}
_VI_CUES = {"bao", "nhieu", "nao", "khong", "duoc", "cua", "va", "o", "thi", "sao", "con", "co", "la", "gi",
            "tinh", "huyen", "mo", "hinh", "may", "ai", "dau", "nhung", "cac"}
_VI_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:oai|oay|oao|oeo|uay|uoi|uou|uya|uye|uyu|ieu|yeu|uai|uau|uao|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|"
    r"ua|ue|ui|uo|uu|uy|ya|ye|[aeiouy])(?:ch|ng|nh|[cmnpt])?")


_FOLLOWUP_PREFIX = re.compile(
    r"^(?:(?:the|vay|va)\s+)?con\s+(?:(?:o|tai|voi|ve|doi voi)\s+)?|"
    r"^(?:and|what about|how about|and what about|same for|what of)\s+(?:(?:in|for|at|about)\s+)?")
_FOLLOWUP_SUFFIX = re.compile(
    r"\s*(?:\b(?:thi\s+(?:sao|the nao|nhu the nao|ra sao)|the nao|ra sao|nua))?\s*[?.!]*\s*$")
_TOPIC_SUFFIX = re.compile(r"\s+thi\s+(?:sao|the nao|nhu the nao|ra sao)\s*[?.!]*\s*$")
_LEADING_FILLER = re.compile(
    r"^(?:(?:how many|how much|bao nhieu|may|so luong|so|the number of|number of|the)\s+)+")
_NOT_NAME = {"còn", "con", "and", "what", "how", "about", "ở", "o", "tại", "tai", "tỉnh", "tinh", "in", "of",
             "thành", "phố", "province", "city", "is", "does", "did", "the"}
SHORT_QUESTION_WORDS = 6
"""Up to this many words, a question without a province leans on the conversation's."""
_POSSESSIVE = re.compile(r"['’]s$")
_ENGLISH_REFERENCE = r"\b(?:those|these|that|this)\s+(?P<en>[^\W\d_]+(?:[\s-]+[^\W\d_]+)?)\b"
_REFERENCE = {
    True: re.compile(r"\b(?:(?:các|những)\s+)?(?P<noun>[^\W\d_]+(?:\s+[^\W\d_]+)?)\s+(?:đó|ấy|này|nói trên)(?!\w)|"
                     + _ENGLISH_REFERENCE),
    False: re.compile(r"\b(?:(?:cac|nhung)\s+)?(?P<noun>[^\W\d_]+(?:\s+[^\W\d_]+)?)\s+(?:do|ay|nay|noi tren)\b|"
                      + _ENGLISH_REFERENCE),
}
"""A reference to the previous question's subject, in lower case, by whether the question has marks:
"các tổ đó", "hội nghị ấy", "cac to do", "those teams". Typed with marks, "đó" is not "do" ("hội nghị do
ai chủ trì" refers to nothing). It is resolved only when its noun stands in the previous question."""
_AMONG = {True: re.compile(r"\btrong số (?:đó|này|ấy)(?!\w)|\bamong them\b|\bof them\b"),
          False: re.compile(r"\b(?:trong so (?:do|nay|ay)|among them|of them)\b")}
"""A reference to the previous answer's total ("Trong số đó, huyện X có bao nhiêu?")."""
_PHRASE_END = frozenset(
    "bao nhieu may gi nao ai o tai cua trong nam co duoc la da dang hien ve va voi khong thi sao nhu "
    "how many much what which who when where did does do is are was were have has the of in at for by".split())
"""Plain words that end (Vietnamese) or open (English) the noun phrase a reference takes from the
previous question: "tổ tự quản" from "Kon Tum có bao nhiêu tổ tự quản?"."""
PHRASE_WORDS = 6
"""A reference's noun phrase has at most this many words (the unit phrases of the reports rarely more)."""
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


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
    """English when English-only words (not Vietnamese syllables, or function words) dominate.

    Capitalised words other than function words are names and count for neither side.
    """
    english = vietnamese = 0
    for word in _WORD.findall(nfc(text)):
        low = word.lower()
        if has_diacritics(word) or low in _VI_CUES:
            vietnamese += 1
        elif low in _EN_ONLY or (not word[0].isupper() and not _VI_SYLLABLE.fullmatch(low)):
            english += 1
    if english and english > vietnamese:
        return "en"
    return "vi" if has_diacritics(text) else "vi_nodiac"


def _vietnamese_words(text: str, lang: Lang) -> list[str]:
    """The question as Vietnamese syllables: English through the glossary, "how many" as "bao nhiêu"."""
    if lang != "en":
        return syllables(text)
    marked = re.sub(r"\b(?:how many|how much|number of)\b", " bao nhiêu ", text, flags=re.IGNORECASE)
    words: list[str] = []
    for part in re.split(r"(bao nhiêu)", marked):
        if part == "bao nhiêu":
            words += ["bao", "nhiêu"]
        else:
            words += syllables(" ".join(vi for *_, vi in english_spans(part)))
    return words


@lru_cache(maxsize=2)
def _noun_forms(folded: bool) -> list[tuple[list[str], str]]:
    """Focus nouns as syllable lists in the compared form, longest first."""
    forms = [([fold(p) if folded else canonical(p) for p in noun.split()], noun) for noun in FOCUS_NOUNS]
    return sorted(forms, key=lambda f: -len(f[0]))


def _noun_at(words: list[str], i: int, folded: bool) -> str | None:
    return next((noun for parts, noun in _noun_forms(folded) if words[i:i + len(parts)] == parts), None)


def _plain_noun(words: list[str], i: int, folded: bool) -> str | None:
    """The one or two words after "bao nhiêu" when they are not a known noun ("bao nhiêu thành viên")."""
    stop = {fold(w) if folded else w for w in _NOUN_STOP}
    taken: list[str] = []
    for word in words[i:i + 2]:
        if word in stop or not word.isalpha():
            break
        taken.append(word)
    return " ".join(taken) or None


def _asked_noun(words: list[str], i: int, lang: Lang) -> str | None:
    """The noun a count cue at ``i`` asks about.

    Vietnamese puts it right after the cue, known or not ("bao nhiêu thành viên"); English,
    read through the glossary, puts modifiers first ("self-management models" → "tự quản
    mô hình"), so there it is the first known noun after the cue.
    """
    folded = lang == "vi_nodiac"
    if lang != "en":
        return _noun_at(words, i, folded) or _plain_noun(words, i, folded)
    return next((noun for j in range(i, len(words)) if (noun := _noun_at(words, j, folded))), None)


def focus_terms(text: str, lang: Lang) -> tuple[str, ...]:
    """The nouns asked about, as the reports write them ("mô hình", "tập thể").

    The noun right after "bao nhiêu" / "mấy" / "how many" wins (with one joined by "và");
    without one, every specific noun of the question, in order.
    """
    folded = lang == "vi_nodiac"
    words = _vietnamese_words(text, lang)
    if folded:
        words = [fold(w) for w in words]
    cues = [tuple(fold(c) if folded else c for c in cue) for cue in COUNT_CUES]
    for i in range(len(words)):
        cue = next((c for c in cues if tuple(words[i:i + len(c)]) == c), None)
        if cue and (noun := _asked_noun(words, i + len(cue), lang)):
            after = i + len(cue) + len(noun.split())
            joined = _noun_at(words, after + 1, folded) if words[after:after + 1] in (["và"], ["va"]) else None
            return (noun, joined) if joined else (noun,)
    found: list[str] = []
    i = 0
    while i < len(words):
        noun = _noun_at(words, i, folded)
        if noun and noun not in CUE_ONLY and noun not in found:
            found.append(noun)
        i += len(noun.split()) if noun else 1
    return tuple(found[:2])


def _province_finder() -> ProvinceFinder:
    try:
        from assistant.places import provinces_in_question
    except ImportError:
        return _fallback_provinces
    return provinces_in_question


def _fallback_provinces(text: str) -> list[str]:
    """Runs of two or more capitalised words ("Kon Tum") when the places module is not installed."""
    found: list[str] = []
    run: list[str] = []
    for word in [*re.findall(r"[^\W\d_]+|\S", nfc(text)), "."]:
        if word[0].isupper() and (run or word.lower() not in _NOT_NAME):
            run.append(word)
            continue
        if len(run) >= 2:
            found.append(" ".join(run))
        run = []
    return list(dict.fromkeys(found))


def _year(text: str) -> int | None:
    """The one year a question names ("năm 2021", "in 2021"); None for none, several or a period."""
    years = set()
    for x in find_numbers(text):
        if x.kind == "year_range":
            return None
        if x.kind == "year":
            years.add(int(x.value))
        elif x.kind == "date" and x.value >= 1900_00_00:
            years.add(int(x.value) // 10000)
    return years.pop() if len(years) == 1 else None


def analyse(text: str, find_provinces: ProvinceFinder | None = None) -> Question:
    """Everything the retriever and the answer composer need to know about a question."""
    text = nfc(text).strip()
    lang = detect_lang(text)
    provinces = (find_provinces or _province_finder())(text)
    quoted = tuple(q.name for q in quotes(text))
    return Question(text=text, lang=lang, kind=detect_kind(text), provinces=tuple(provinces), year=_year(text),
                    quoted=quoted, focus_terms=focus_terms(text, lang))


# ---------------------------------------------------------------- follow-ups


def _followup_subject(text: str) -> str | None:
    """What a follow-up asks about ("Kon Tum" in "Còn Kon Tum thì sao?"); None for a full question."""
    text = nfc(text).strip()
    plain = _plain(text)
    prefix = _FOLLOWUP_PREFIX.match(plain)
    if not prefix and not _TOPIC_SUFFIX.search(plain):
        return None
    start = prefix.end() if prefix else 0
    end = _FOLLOWUP_SUFFIX.search(plain, start).start()
    start += m.end() if (m := _LEADING_FILLER.match(plain[start:end])) else 0
    subject = text[start:end].strip(" ,")
    if not subject or len(subject.split()) > 6 or detect_kind(subject) != "other":
        return None
    return subject


def _word_spans(text: str) -> list[tuple[int, int, str]]:
    """Words with their spans; an English possessive is left outside ("Kon Tum's" → "Tum")."""
    spans = []
    for m in _WORD.finditer(text):
        word = _POSSESSIVE.sub("", m.group())
        spans.append((m.start(), m.start() + len(word), _plain(word)))
    return spans


def _find_words(text: str, phrase: str) -> tuple[int, int] | None:
    """Where ``phrase`` stands in ``text`` as whole words, compared without marks or case."""
    spans, wanted = _word_spans(text), [w for _, _, w in _word_spans(phrase)]
    for i in range(len(spans) - len(wanted) + 1):
        if wanted and [w for _, _, w in spans[i:i + len(wanted)]] == wanted:
            return spans[i][0], spans[i + len(wanted) - 1][1]
    return None


def _replace(question: str, span: tuple[int, int], new: str) -> str:
    return question[:span[0]] + new + question[span[1]:]


def _append(question: str, phrase: str) -> str:
    body = question.rstrip(" ?.!")
    return f"{body} {phrase}{question[len(body):].strip() or '?'}"


def _swap_province(question: str, subject: str, new: str, finder: ProvinceFinder) -> str:
    typed = _find_words(subject, new)
    spelled = subject[typed[0]:typed[1]] if typed else new
    for old in finder(question):
        if span := _find_words(question, old):
            return _replace(question, span, spelled)
    return _append(question, f"in {spelled}" if detect_lang(question) == "en" else f"ở {spelled}")


def _swap_year(question: str, year: int) -> str:
    old = _year(question)
    if old is not None:
        return re.sub(rf"\b{old}\b", str(year), question, count=1)
    return _append(question, f"in {year}" if detect_lang(question) == "en" else f"năm {year}")


def _resolve_reference(text: str, previous: str) -> str:
    """``text`` with a reference to the previous question's subject replaced by that subject's words.

    "Các tổ đó được khen thưởng gì?" after "Kon Tum có bao nhiêu tổ tự quản?" asks about "các tổ tự
    quản"; "Trong số đó, huyện X có bao nhiêu?" about a part of the previous question's total.
    """
    marked = has_diacritics(text)
    lowered = nfc(text).lower() if marked else _plain(text)  # both keep the text's offsets
    english = detect_lang(text) == "en"
    if among := _AMONG[marked].search(lowered):
        focus = focus_terms(previous, detect_lang(previous))
        phrase = _phrase_of(previous, focus[0]) if focus else None
        if phrase:
            return _replace(text, among.span(), _cased(f"of the {phrase}" if english else f"trong số {phrase}",
                                                       among.start() == 0))
        return text
    for m in _REFERENCE[marked].finditer(lowered):
        group = "noun" if m["noun"] else "en"
        noun = m[group]
        for word in dict.fromkeys([noun, *noun.split()]):
            phrase = _phrase_of(previous, word)
            if phrase is None:
                continue
            at = m.start(group) + noun.index(word)
            if group == "en":  # "those teams were" → "the self-management teams were"
                return _replace(text, (m.start(), at + len(word)), _cased("the " + phrase, m.start() == 0))
            start = m.start() if word == noun else at  # "các tổ đó" keeps its "các"
            kept = text[start:m.start(group)]
            return _replace(text, (start, m.end()), _cased(kept + phrase, start == 0))
    return text


def _cased(phrase: str, first: bool) -> str:
    """A phrase taken from another sentence, capitalised only where it now opens the question."""
    return (phrase[0].upper() if first else phrase[0].lower()) + phrase[1:]


def _phrase_of(question: str, noun: str) -> str | None:
    """The noun phrase of ``question`` around ``noun``, as written: the words after it in Vietnamese
    ("tổ" → "tổ tự quản"), before it in English ("teams" → "self-management teams")."""
    spans = _word_spans(question)
    words = [w for _, _, w in spans]
    wanted = [w for _, _, w in _word_spans(noun)]
    for i in range(len(words) - len(wanted) + 1):
        if words[i:i + len(wanted)] != wanted:
            continue
        first, last = i, i + len(wanted) - 1
        if detect_lang(question) == "en":
            while first > 0 and words[first - 1] not in _PHRASE_END and last - first + 1 < PHRASE_WORDS:
                first -= 1
        else:
            while last + 1 < len(words) and last - first + 1 < PHRASE_WORDS \
                    and (words[last + 1] not in _PHRASE_END or _counts_years(words, last + 1)) \
                    and not re.search(r"[,;:?.!]", question[spans[last][1]:spans[last + 1][0]]):
                last += 1
        start, end = spans[first][0], spans[last][1]
        if question.count("“", start, end) > question.count("”", start, end):  # a quoted name, whole
            end = question.find("”", end) + 1 or end
        return question[start:end]
    return None


def _counts_years(words: list[str], i: int) -> bool:
    """ "năm" after a number counts years ("tổng kết 10 năm"); elsewhere it opens a period and ends a phrase."""
    return words[i] == "nam" and words[i - 1].isdigit()


def _swap_district(question: str, new: str) -> str:
    """The previous question about district ``new`` instead of its own ("Còn huyện Đăk Hà?")."""
    old = district_mention(question)
    if old is not None and old.start is not None:
        return _replace(question, (old.start, old.end), _cased(new, question[old.start].isupper()))
    return _append(question, f"in {new}" if detect_lang(question) == "en" else f"ở {new}")


def _swap_focus(question: str, subject: str, new: str) -> str | None:
    """The previous question asking about ``new`` instead of its own focus noun."""
    lang = detect_lang(question)
    old = focus_terms(question, lang)
    if not old or old[0] == new:
        return None
    if lang != "en":
        span = _find_words(question, old[0])
        spelled = fold(new) if lang == "vi_nodiac" else new
        return _replace(question, span, spelled) if span else None
    for start, end, vi in english_spans(question):
        if old[0] in canonical(vi):
            return _replace(question, (start, end), subject if detect_lang(subject) == "en" else new)
    return None


def _resolve(text: str, previous: str, finder: ProvinceFinder) -> str:
    subject = _followup_subject(text)
    if subject is None:
        referred = _resolve_reference(text, previous)
        return _keep_province(referred, previous, finder, always=referred != text)
    resolved = previous
    new_provinces = finder(subject)
    if new_provinces:
        resolved = _swap_province(resolved, subject, new_provinces[0], finder)
    if (year := _year(subject)) is not None:
        resolved = _swap_year(resolved, year)
    district = district_mention(subject)
    if district is not None and district.start is not None:
        resolved = _swap_district(resolved, subject[district.start:district.end])
        subject = (subject[:district.start] + subject[district.end:]).strip()  # its words are no noun to swap
    nouns = focus_terms(subject, detect_lang(subject))
    if nouns:
        resolved = _swap_focus(resolved, subject, nouns[0]) or resolved
    if resolved == previous:
        return _append(previous, subject)
    return resolved


def _keep_province(text: str, previous: str, finder: ProvinceFinder, always: bool = False) -> str:
    """A short question naming no province stays with the one the conversation is about.

    "Ai đồng chủ trì?" after "Hội nghị ở Thanh Hóa diễn ra ngày nào?" asks about Thanh Hóa; so does a
    question of any length that refers to the previous one's subject (``always``).
    """
    provinces = finder(previous)
    short = len(_WORD.findall(text)) <= SHORT_QUESTION_WORDS
    if finder(text) or len(provinces) != 1 or not (short or always):
        return text
    lang = detect_lang(text)
    name = fold(provinces[0]) if lang == "vi_nodiac" else provinces[0]
    return _append(text, f"in {name}" if lang == "en" else ("o " if lang == "vi_nodiac" else "ở ") + name)


def resolve_followup(text: str, history: Sequence[str], find_provinces: ProvinceFinder | None = None) -> str:
    """Rewrite a follow-up ("Còn Kon Tum thì sao?", "And Thanh Hoa?") into a full question.

    ``history`` holds the earlier user turns, oldest first; each is resolved against the one
    before, so a chain of follow-ups keeps its context. A new province, year or counted noun
    replaces the previous question's own; a question complete on its own is returned as is.
    """
    finder = find_provinces or _province_finder()
    previous: str | None = None
    for turn in history:
        previous = turn if previous is None else _resolve(turn, previous, finder)
    return text if previous is None else _resolve(text, previous, finder)


def inherited_scope(question: str, resolved: str) -> dict[str, str | int]:
    """What a follow-up takes from the conversation: the scope its resolved form names and it does not.

    "Còn năm 2022 thì sao?" after "Kon Tum có bao nhiêu mô hình?" inherits the province and the
    counted noun, not the year it names itself. Shown in the JSON answer and under the question in
    the UI, so an official sees what the assistant took the follow-up to be about.
    """
    if question.strip() == resolved.strip():
        return {}
    own, full = analyse(question), analyse(resolved)
    out: dict[str, str | int] = {}
    if full.provinces and not own.provinces:
        out["province"] = full.provinces[0]
    district = district_mention(resolved)
    if district is not None and district_mention(question) is None:
        out["district"] = resolved[district.start:district.end] if district.start is not None else district.name
    if full.year and not own.year:
        out["year"] = full.year
    if full.focus_terms and not own.focus_terms:
        out["unit"] = full.focus_terms[0]
    return out
