"""Saved news pages (.html, .htm): the article alone, with the page's own title and date.

The article is found by trafilatura in precision mode (navigation, scripts, styles, related
articles, comments and footers left out), falling back to its balanced mode when precision finds
nothing; its XML output is walked so that structure survives. The headline is the first line,
headings, paragraphs, lists and tables are blocks separated by a blank line (a list item or a
``<br>`` is a line), and a table's rows keep their column headers as in DOCX reports ("Xã Tân
Lập: số tổ tự quản là 37."); adjacent tables stay apart.

``meta`` comes only from the page's own elements, never from guesses in the text:
title from ``og:title`` (else ``<title>`` without the site's name, else the first ``<h1>``), date
from ``article:published_time`` and its kin, JSON-LD ``datePublished``, or the first
``<time datetime>``, as an ISO date (YYYY-MM-DD).
"""
from __future__ import annotations

import codecs
import json
import re
from functools import lru_cache
from pathlib import Path

from assistant.readers.base import (
    Extracted,
    ReportError,
    decode_utf16_without_bom,
    first_line,
    is_header_row,
    labelled_row,
    tidy,
)
from assistant.settings import ReadingLimits

_MAX_TREE_SIZE = 200_000  # elements; a page with more is refused rather than parsed for minutes
_MAX_DEPTH = 1000
"""Levels of nested elements a page may have.

libxml2 keeps 255 levels by default and silently drops the rest of the page past them, so the page is
parsed with lxml's ``huge_tree``, which raises that to 2,048: an old page whose paragraphs each open a
``<font>`` they never close nests two levels per paragraph, so deep pages are real. trafilatura's
time grows with the square of the depth (measured here: 1,000 levels 2.6 s, 2,000 levels 8 s, per
extraction), so a page deeper than 1,000 levels (500 such paragraphs) is refused rather than read for
many seconds.
"""
_MAX_LIST_DEPTH = 100
"""Lists inside lists a page may have. trafilatura keeps that nesting in its article and parses the
article again at libxml2's default 255 levels, two per list (the list and its item): from about 126
nested lists on, the rest of the article is dropped or the extraction fails. Real pages nest a few."""
_LISTS = {"ul", "ol", "dl"}
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{1,40})""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>", re.IGNORECASE)
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML cannot hold: trafilatura builds its output as XML, and drops them from a page it is
given as text, so they go before the page is parsed."""
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
              "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
              "date", "article:modified_time")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_VN_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_TITLE_SEPARATORS = (" - ", " | ", " – ", " — ", " :: ")


def read(data: bytes, path: Path, limits: ReadingLimits) -> Extracted:
    import lxml.html

    markup = _NOT_XML.sub("", _XML_DECLARATION.sub("", _decode(data, path), count=1))
    if not markup.strip():
        raise ReportError(f"{path.name}: no text in the file")
    # huge_tree lifts libxml2's depth limit (see _MAX_DEPTH) and its 10 MB limit on one text node; the
    # file is already within the size limit, and HTML has no entities to expand. The other options
    # are the ones trafilatura parses a page with.
    parser = lxml.html.HTMLParser(huge_tree=True, collect_ids=False, remove_comments=True, remove_pis=True)
    try:
        tree = lxml.html.document_fromstring(markup, parser=parser)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise ReportError(f"{path.name}: not an HTML page ({first_line(exc)})") from None
    _check_shape(tree, path)
    meta = _meta(tree)
    import trafilatura  # only for a page worth extracting

    blocks: list[str] = []
    for precise in (True, False):
        article = trafilatura.extract(  # trafilatura works on its own copy of the tree
            tree, favor_precision=precise, include_comments=False, include_tables=True,
            include_images=False, include_links=False, include_formatting=False, deduplicate=False,
            output_format="xml", with_metadata=False, config=_config())
        blocks = _article_blocks(article) if article else []
        if blocks:
            break
    if not blocks:
        raise ReportError(f"{path.name}: no article text found in the page")
    title = meta.get("title")
    if title and blocks[0].casefold() != title.casefold():
        blocks.insert(0, title)
    return Extracted(text="\n\n".join(blocks), meta=meta)


def _check_shape(tree, path: Path) -> None:
    """Refuse a page with too many elements or nested too deep, stopping as soon as it is clear."""
    from lxml import etree

    count = depth = lists = 0
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        step = 1 if event == "start" else -1
        depth += step
        if element.tag in _LISTS:
            lists += step
        if event == "end":
            continue
        count += 1
        if count > _MAX_TREE_SIZE:
            raise ReportError(f"{path.name}: a page of more than {_MAX_TREE_SIZE} elements, skipped")
        if depth > _MAX_DEPTH:
            raise ReportError(f"{path.name}: nesting too deep (over {_MAX_DEPTH} levels)")
        if lists > _MAX_LIST_DEPTH:
            raise ReportError(f"{path.name}: nesting too deep (lists within lists over {_MAX_LIST_DEPTH} levels)")


def _article_blocks(xml: str) -> list[str]:
    """The blocks of trafilatura's XML article: headings, paragraphs, lists, tables, in order."""
    from lxml import etree

    try:
        root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True, resolve_entities=False,
                                                                     no_network=True, huge_tree=False))
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    main = root.find("main")
    blocks: list[str] = []
    for element in (main if main is not None else root):
        lines = _element_lines(element)
        if lines:
            blocks.append("\n".join(lines))
    return blocks


def _element_lines(element) -> list[str]:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "table":
        return _table_lines(element)
    if tag == "list":
        return [line for item in element.iter("item") for line in _own_lines(item)]
    return _own_lines(element)


def _own_lines(element) -> list[str]:
    """An element's text with line breaks (``<lb/>``) kept, nested lists and tables left to their own."""
    parts: list[str] = []

    def walk(node, top: bool) -> None:
        if not top and node.tag in ("list", "table", "item"):
            return
        if node.tag == "lb":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child, False)
            if child.tail:
                parts.append(child.tail)

    walk(element, True)
    return [line for line in (tidy(x) for x in "".join(parts).split("\n")) if line]


def _table_lines(table) -> list[str]:
    """One line per row that keeps the column names ("Xã Tân Lập: số tổ tự quản là 37.").

    The first row names the columns when its cells are header cells (``<th>``) or, failing that,
    hold no figure other than a year; otherwise every row reads "label: values".
    """
    rows = [[" ".join(_own_lines(cell)) for cell in row.iter("cell")] for row in table.iter("row")]
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    first = next(table.iter("row"))
    declared = any(cell.get("role") == "head" for cell in first.iter("cell"))
    names: list[str] = []
    if len(rows) > 1 and (declared or is_header_row(rows[0])):
        names, rows = rows[0], rows[1:]
    out = []
    for row in rows:
        line = labelled_row([(names[k] if k < len(names) else "", value) for k, value in enumerate(row)])
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=1)
def _config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(_MAX_TREE_SIZE))
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def _decode(data: bytes, path: Path) -> str:
    """The page as text: BOM, else UTF-16 recognised by its NUL bytes, else the declared charset, else
    UTF-8, else Windows-1258 (Vietnamese)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if (utf16 := decode_utf16_without_bom(data)) is not None:
        return utf16
    declared = _CHARSET.search(data[:4096])
    candidates = [declared.group(1).decode("ascii").lower()] if declared else []
    for encoding in [*candidates, "utf-8"]:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    if b"\x00" in data[:4096]:
        raise ReportError(f"{path.name}: binary data, not an HTML page")
    return data.decode("cp1258", errors="replace")


def _meta(tree) -> dict[str, str]:
    meta: dict[str, str] = {}
    if title := _title(tree):
        meta["title"] = title
    if date := _date(tree):
        meta["date"] = date
    return meta


def _meta_content(tree, *names: str) -> list[str]:
    """``content`` of ``<meta>`` elements whose property, name or itemprop is one of ``names``."""
    wanted = {n.lower() for n in names}
    found: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = element.get("content")
        if key in wanted and content and content.strip():
            found.setdefault(key, []).append(content.strip())
    return [value for name in names for value in found.get(name.lower(), [])]


def _title(tree) -> str | None:
    for value in _meta_content(tree, "og:title", "twitter:title"):
        if title := tidy(value):
            return title
    element = tree.find(".//title")
    if element is not None and (title := tidy(element.text_content())):
        sites = [tidy(s) for s in _meta_content(tree, "og:site_name", "application-name")]
        for site in sites:
            for sep in _TITLE_SEPARATORS:
                if site and title.endswith(sep + site):
                    return title[: -len(sep + site)].strip()
        return title
    heading = tree.find(".//h1")
    return tidy(heading.text_content()) or None if heading is not None else None


def _date(tree) -> str | None:
    candidates = _meta_content(tree, *_DATE_META)
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            candidates.extend(_json_ld_dates(script.text))
    candidates.extend(t.get("datetime", "") for t in tree.iter("time"))
    for value in candidates:
        if date := _iso_date(value):
            return date
    return None


def _json_ld_dates(source: str) -> list[str]:
    try:
        data = json.loads(source)
    except ValueError:
        return []
    out: list[str] = []
    stack, seen = [data], 0
    while stack and seen < 1000:
        item = stack.pop()
        seen += 1
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                out.append(item["datePublished"])
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return out


def _iso_date(value: str) -> str | None:
    value = value.strip()
    if m := _ISO_DATE.match(value):
        year, month, day = (int(g) for g in m.groups())
    elif m := _VN_DATE.search(value):
        day, month, year = (int(g) for g in m.groups())
    else:
        return None
    if 1990 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None
