"""Pinyin search keys for station names: ``东岗西路街道`` -> ``dgxljd`` / ``donggangxilujiedao``.

pypinyin's ``lazy_pinyin`` costs about 0.1 ms per name, which is seconds for a
50,000-station roster; this module uses pypinyin's own dictionaries directly
(phrases first, longest match, then single characters) with a per-character
cache, which keeps the phrase-aware readings (重庆 -> chongqing) at a fraction
of the cost. Tone marks are dropped; ü is written ``v`` as in most input methods.
Non-Chinese runs (digits, Latin letters) are kept, lower-cased.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from pypinyin.phrases_dict import phrases_dict
from pypinyin.pinyin_dict import pinyin_dict

_MAX_PHRASE = 4  # longer phrases are rare in station names and cost lookups


def _plain(syllable: str) -> str:
    syllable = syllable.replace("ü", "v").replace("ǖ", "v").replace("ǘ", "v").replace("ǚ", "v")
    syllable = syllable.replace("ǜ", "v")
    decomposed = unicodedata.normalize("NFD", syllable)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65536)
def _char(ch: str) -> str | None:
    readings = pinyin_dict.get(ord(ch))
    if not readings:
        return None
    return _plain(readings.split(",")[0])


def syllables(name: str) -> list[str]:
    """The name as a list of pinyin syllables and non-Chinese runs."""
    out: list[str] = []
    i, n = 0, len(name)
    run = ""
    while i < n:
        matched = False
        for size in range(min(_MAX_PHRASE, n - i), 1, -1):
            words = phrases_dict.get(name[i : i + size])
            if words is not None:
                if run:
                    out.append(run)
                    run = ""
                out.extend(_plain(w[0]) for w in words)
                i += size
                matched = True
                break
        if matched:
            continue
        reading = _char(name[i])
        if reading is None:
            ch = name[i]
            if ch.isalnum():
                run += ch.lower()
            elif run:
                out.append(run)
                run = ""
        else:
            if run:
                out.append(run)
                run = ""
            out.append(reading)
        i += 1
    if run:
        out.append(run)
    return out


def keys(name: str) -> tuple[str, str]:
    """``(initials, full)`` search keys of a name."""
    parts = syllables(name)
    initials = "".join(p if p[0].isdigit() else p[0] for p in parts if p)
    return initials, "".join(parts)
