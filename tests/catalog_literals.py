"""How many test lines still pin a catalog text's Vietnamese wording (issue 11's measure).

`python -m tests.catalog_literals [--files] [PATH…]` counts the lines of tests/ (or of the paths given)
holding a string literal with Vietnamese in it that is a catalog text's wording: the whole of a
Vietnamese catalog text or of its part between two placeholders (a menu label such as «Kiểm tra chéo»),
or a piece of one at least MIN_PIECE characters long. Those lines break when an office worker corrects
that text. A test should ask the catalog instead (`text(key, lang, **values)`), except the golden
transcripts named in the README. Shorter pieces are not counted: they are words or names a person types
(«Nguyễn Thị Hoa» is also in the example of a catalog text), not a text's wording.
"""

from __future__ import annotations

import io
import re
import sys
import tokenize
from collections import Counter
from pathlib import Path

from handlers.core.catalog import keys, template

ROOT = Path(__file__).resolve().parents[1]
VIETNAMESE = re.compile(r"[À-ỹĐđ]")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
MIN_LENGTH = 8  # a whole line shorter than this is a word («Có», «Hủy»)
MIN_PIECE = 20


def _pieces() -> list[str]:
    """Every catalog text's literal pieces (between placeholders), line by line."""
    found = []
    for key in keys("vi"):
        for line in template(key, "vi").splitlines():
            found += [p.strip() for p in PLACEHOLDER.split(line) if len(p.strip()) >= MIN_LENGTH]
    return found


def _literals(source: str) -> list[tuple[int, str]]:
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING or token.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
            found.append((token.start[0], token.string))
    return found


def pinned_lines(path: Path, catalog_text: str) -> set[int]:
    whole = set(catalog_text.splitlines())
    lines = set()
    for number, literal in _literals(path.read_text(encoding="utf-8")):
        body = literal.strip("rbfRBF").strip("'\"")
        for part in re.split(r"\{[^}]*\}|\\n", body):  # an f-string's own placeholders, newlines
            part = part.strip(" .:,«»")
            if VIETNAMESE.search(part) and ((len(part) >= MIN_LENGTH and part in whole)
                                            or (len(part) >= MIN_PIECE and part in catalog_text)):
                lines.add(number)
                break
    return lines


def count(paths: list[Path]) -> Counter[str]:
    catalog_text = "\n".join(_pieces())
    per_file: Counter[str] = Counter()
    for path in paths:
        if n := len(pinned_lines(path, catalog_text)):
            per_file[str(path.relative_to(ROOT))] = n
    return per_file


def main(argv: list[str]) -> int:
    show_files = "--files" in argv
    given = [Path(a).resolve() for a in argv if a != "--files"] or [ROOT / "tests"]
    paths = sorted(p for g in given for p in ([g] if g.is_file() else g.rglob("*.py")))
    per_file = count([p for p in paths if p.name != "catalog_literals.py"])
    if show_files:
        for name, n in per_file.most_common():
            print(f"{n:5}  {name}")
    print(f"{sum(per_file.values())} test lines in {len(per_file)} files pin a catalog text's Vietnamese wording")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
