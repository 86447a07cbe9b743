"""The interface's charts: figures of one unit compared, and the eval's reliability plot.

Drawn with matplotlib (a dependency already, for the eval's charts) as ``matplotlib.figure.Figure``
objects rather than through pyplot: pyplot keeps every figure it opens until it is closed, and
a server draws one per click; a bare ``Figure`` is freed with the page update that shows it.
"""
from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from assistant.across import vietnamese_number
from ui.figures import bar_label
from ui.i18n import TEXT

BAR = "#1d4ed8"
BOUND = "#93c5fd"
"""A bound or estimate ("hơn", "gần", "khoảng") is drawn lighter and hatched: not an exact figure."""
WIDTH = 4.4
"""The comparison chart's width in inches (440 px, drawn at matplotlib's 100 dpi): the page shows it at
that size, and a phone shrinks it to about 330 px, where 9-point labels are still about 9 px high."""
LABEL_CHARS = 46
"""A bar label's line length: what 9-point text fits across ``WIDTH``."""
MARKERS = ("o", "s", "^", "D")
"""One marker per split, so splits whose shares coincide still show apart."""


def comparison_chart(rows: list[dict], lang: str) -> Figure | None:
    """Horizontal bars, largest on top, one per figure. Each bar's label (whose figure, its period)
    is written above it rather than beside it, so the chart stays readable when a phone shrinks it;
    the bar ends with the figure as the report writes it (so "gần 2.250" stays a bound)."""
    if not rows:
        return None
    words = TEXT[lang]
    fig = Figure(figsize=(WIDTH, 1.1 + 0.62 * len(rows)), layout="constrained")
    ax = fig.add_subplot()
    positions = list(range(len(rows)))[::-1]
    exact = [r["bound"] == "exact" for r in rows]
    bars = ax.barh(positions, [r["value"] for r in rows], height=0.42, edgecolor=BAR,
                   color=[BAR if e else BOUND for e in exact])
    for bar, row, is_exact in zip(bars, rows, exact):
        if not is_exact:
            bar.set_hatch("//")
        top = bar.get_y() + bar.get_height()
        ax.text(0, top + 0.05, bar_label(row, lang, width=LABEL_CHARS), va="bottom", ha="left", fontsize=9)
        ax.annotate(row["text"], (bar.get_width(), top - bar.get_height() / 2), xytext=(4, 0),
                    textcoords="offset points", va="center", fontsize=9, fontweight="bold")
    ax.set_yticks([])
    ax.set_ylim(-0.5, len(rows) - 0.1)
    ax.set_xlim(0, max(r["value"] for r in rows) * 1.25)
    ax.xaxis.set_major_locator(MaxNLocator(integer=all(float(r["value"]).is_integer() for r in rows)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _number(x, lang)))
    ax.tick_params(axis="x", labelsize=8.5)
    ax.set_xlabel(rows[0]["unit"], fontsize=9)
    ax.set_title(words["chart_title"].format(unit=rows[0]["unit"]), fontsize=10.5)
    ax.spines[["top", "right", "left"]].set_visible(False)
    return fig


def _number(value: float, lang: str) -> str:
    """An axis figure as the page's language writes it: "2.250" in Vietnamese, "2,250" in English."""
    return vietnamese_number(value) if lang == "vi" else f"{value:,.2f}".rstrip("0").rstrip(".")


def reliability_chart(by_split: dict[str, list[dict]], lang: str) -> Figure | None:
    """Share of right answers per confidence decile, one line per split: a useful score rises."""
    shown = {split: bins for split, bins in by_split.items() if bins}
    if not shown:
        return None
    words = TEXT[lang]
    fig = Figure(figsize=(5.4, 3.8), layout="constrained")
    ax = fig.add_subplot()
    for (split, bins), marker in zip(shown.items(), MARKERS * len(shown)):
        ax.plot(range(1, len(bins) + 1), [b["correct"] for b in bins], marker=marker, markersize=7, alpha=0.85,
                label=f'{split} ({sum(b["n"] for b in bins)} {words["answered"]})')
    ax.set_xticks(range(1, max(len(b) for b in shown.values()) + 1))
    ax.set_xlabel(words["reliability_x"])
    ax.set_ylabel(words["reliability_y"])
    ax.set_ylim(0, 1.05)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right")
    return fig
