r"""Regular expressions that Python's `re` can search fast.

`re` finds where a match may start by a scan, in C, for the pattern's first literal or set
of characters; a pattern that opens with a lookbehind or a lookahead (`(?<![\w.])Mr\.`)
offers none, and is tried at every position of the text: 3 to 40 times slower over a
book. The helpers here write such a condition after the characters it stands before,
where it means the same, so that the pattern opens with them.
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def not_after(before: str | tuple[str, ...], first: str) -> str:
    """`first` (a literal or a character set: fixed width) where no `before` (one
    character, or a set of them; or several fixed-width patterns, none of which may stand
    there) stands before it: `(?<!before)first`, led by `first`."""
    befores = (before,) if isinstance(before, str) else before
    return first + "".join(f"(?<!{one}{first})" for one in befores)


def words_not_after(before: str, words: Iterable[str]) -> str:
    """An alternation of the literal `words`, tried in the order given, each where no
    `before` stands before it."""
    return "|".join(not_after(before, re.escape(word)) for word in words)


def only_after(before: str, first: str) -> str:
    """`first` (fixed width) where `before` (fixed width) stands before it: `(?<=before)first`,
    led by `first`."""
    return f"{first}(?<={before}{first})"


def after_words(first: str, words: Iterable[str]) -> str:
    """`first` (a literal) where one of the whole `words` and a space stand before it
    (`described by`, `theory of`), led by `first`."""
    return first + "(?:" + "|".join(rf"(?<={re.escape(word)} {first})(?<!\w{re.escape(word)} {first})"
                                    for word in words) + ")"


def words_by_initial(words: Iterable[str], before: str, ignore_case: bool = False) -> str:
    """An alternation of `words` (patterns, each opening with a letter), tried in the order
    given, each where no `before` stands before it, led by one set of their first letters.

    `re` scans for the first characters of an alternation only where every branch opens
    with a literal: not where they open with a set, as they do when case is ignored
    (`(?i:spring|summer)`). Here the set of first letters is read first, and each word goes
    on where its letter stands behind (`[Ss](?:(?<=s)pring|(?<=s)ummer)`, case ignored)."""
    words = list(words)
    initials = {word[0] for word in words}
    if ignore_case:
        initials |= {case(letter) for letter in initials for case in (str.lower, str.upper)}
        initials |= {"ſ"} if "s" in initials else set()      # the long s, which `re` takes for an s
    initial = "[" + "".join(sorted(initials)) + "]"
    branches = "|".join(f"(?<={word[0]}){word[1:]}" for word in words)
    return f"{initial}(?<!{before}{initial})" + (f"(?i:{branches})" if ignore_case else f"(?:{branches})")


def forms_not_after(before: str, forms: Iterable[tuple[str, str]]) -> str:
    """An alternation of `forms`, each a literal and the pattern after it (`("Jan", r"\\.?")`),
    tried in the order given, each where no `before` stands before it: the forms of one
    first character as one branch led by it, so the condition is written once a character,
    which `re` compiles in half the time of once a form (the same matches: forms of
    different first characters never start at one place)."""
    by_initial: dict[str, list[str]] = {}
    for literal, after in forms:
        by_initial.setdefault(literal[0], []).append(re.escape(literal[1:]) + after)
    return "|".join(not_after(before, re.escape(initial)) + "(?:" + "|".join(rests) + ")"
                    for initial, rests in by_initial.items())
