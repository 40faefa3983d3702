"""Word list numbering (numbering.xml), rendered the way Word shows it.

Headings such as 二、…六、 and （四） are often not in the text runs at all: the paragraph carries
`w:numPr` (directly or through its style) and Word draws the number from `w:lvlText` ("%1、",
"（%1）") in the level's `w:numFmt` (chineseCounting, decimal, ...). Counters belong to the abstract
numbering definition, so two lists sharing one definition continue each other, and a level
restarts when a higher level advances."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "〇一二三四五六七八九"
_TRAD = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass(slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    legal: bool = False  # isLgl: every number of the label in decimal


@dataclass(slots=True)
class Numbering:
    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> ilvl -> start
    level_overrides: dict[str, dict[int, Level]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the list and return the label of its next item ('' for bullets or unknown lists)."""
        abs_id = self.nums.get(num_id)
        if abs_id is None or num_id == "0":
            return ""
        levels = dict(self.abstract.get(abs_id, {}))
        levels.update(self.level_overrides.get(num_id, {}))
        lvl = levels.get(ilvl)
        if lvl is None:
            return ""
        counters = self.counters.setdefault(abs_id, [None] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for i, start in self.overrides.get(num_id, {}).items():
                if 0 <= i < 9:
                    counters[i] = start - 1
        ilvl = max(0, min(ilvl, 8))
        current = counters[ilvl]
        counters[ilvl] = (lvl.start if current is None else current + 1)
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if lvl.fmt in ("bullet", "none"):
            return ""

        def repl(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            value = counters[k] if counters[k] is not None else (levels[k].start if k in levels else 1)
            fmt = "decimal" if lvl.legal and k != ilvl else (levels[k].fmt if k in levels else "decimal")
            return format_number(value or 0, fmt)

        text = re.sub(r"%([1-9])", repl, lvl.text)
        return text + (" " if lvl.suffix in ("tab", "space") and text else "")


def _letters(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


# Word's w:numFmt values -> how the number is drawn (a table rather than a chain of ifs)
_FORMATS: dict[str, Callable[[int], str]] = {
    **dict.fromkeys(("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
                     "chineseLegalSimplified", "koreanCounting"), lambda n: _cn_counting(n)),
    **dict.fromkeys(("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"),
                    lambda n: "".join(_CN[int(d)] for d in str(n))),
    "ideographTraditional": lambda n: _TRAD[(n - 1) % 10],
    "ideographZodiac": lambda n: _ZODIAC[(n - 1) % 12],
    **dict.fromkeys(("decimalEnclosedCircle", "decimalEnclosedCircleChinese"),
                    lambda n: _CIRCLED[n - 1] if 1 <= n <= 20 else str(n)),
    **dict.fromkeys(("decimalFullWidth", "decimalFullWidth2"), lambda n: "".join(chr(0xFF10 + int(d)) for d in str(n))),
    "decimalEnclosedParen": lambda n: f"({n})",
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letters,
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": lambda n: _roman(n),
}


def format_number(n: int, fmt: str) -> str:
    draw = _FORMATS.get(fmt)
    return draw(n) if draw is not None else str(n)


def _cn_counting(n: int) -> str:
    if n <= 0:
        return _CN[0]
    if n < 10:
        return _CN[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        tail = "" if rest == 0 else (("零" if rest < 10 else "") + (_CN[1] + _cn_counting(rest) if 10 <= rest < 20
                                                                   else _cn_counting(rest)))
        return _CN[hundreds] + "百" + tail
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                       (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + sym, n - value
    return out or str(n)


def _val(el: Any, name: str) -> str | None:
    child = el.find(W + name)
    return None if child is None else child.get(W + "val")


def _level(el: Any) -> Level:
    lvl = Level()
    start = _val(el, "start")
    if start and start.lstrip("-").isdigit():
        lvl.start = int(start)
    lvl.fmt = _val(el, "numFmt") or "decimal"
    text = el.find(W + "lvlText")
    lvl.text = text.get(W + "val", "") if text is not None else ""
    lvl.suffix = _val(el, "suff") or "tab"
    legal = el.find(W + "isLgl")
    lvl.legal = legal is not None and legal.get(W + "val", "1") not in ("0", "false")
    return lvl


def parse_numbering(root: Any | None) -> Numbering:
    num = Numbering()
    if root is None:
        return num
    for a in root.iter(W + "abstractNum"):
        aid = a.get(W + "abstractNumId", "")
        num.abstract[aid] = {int(lv.get(W + "ilvl", "0")): _level(lv) for lv in a.iter(W + "lvl")}
    for n in root.iter(W + "num"):
        nid = n.get(W + "numId", "")
        aid = _val(n, "abstractNumId")
        if aid is None:
            continue
        num.nums[nid] = aid
        for o in n.iter(W + "lvlOverride"):
            ilvl = int(o.get(W + "ilvl", "0"))
            start = _val(o, "startOverride")
            if start and start.lstrip("-").isdigit():
                num.overrides.setdefault(nid, {})[ilvl] = int(start)
            lv = o.find(W + "lvl")
            if lv is not None:
                num.level_overrides.setdefault(nid, {})[ilvl] = _level(lv)
    return num
