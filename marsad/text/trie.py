"""Word lists as regular expressions laid out as a prefix trie.

Python's ``re`` tries the branches of a flat ``a|b|c`` one by one at every position; a
pattern factored by common prefixes tries one branch per letter, which makes scanning a
sentence for hundreds of lexicon words several times faster. Longer words win over their
prefixes (``ثلاثمائة`` before ``ثلاث``) because the optional tails are greedy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str], flexible_space: bool = False) -> str:
    """A regex (without anchors or groups) matching any of ``words``.

    With ``flexible_space``, a space inside an entry matches any run of whitespace.
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        kids = sorted((c, k) for c, k in node.items() if c)
        if not kids:
            return ""
        alts = [re.escape(c) + emit(k) for c, k in kids]
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return (body if len(alts) > 1 else f"(?:{body})") + "?"
        return body

    pattern = emit(root)
    return pattern.replace(r"\ ", r"\s+") if flexible_space else pattern
