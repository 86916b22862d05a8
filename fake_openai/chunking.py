"""How the fake server cuts text into streamed pieces ("tokens").

The rule is deterministic and aims for the pieces a real tokenizer produces.
Reading left to right, each piece is the first of these that matches:

1. a run of line breaks: ``"\\n\\n"``;
2. one or two Han characters, so a run of Chinese splits into two-character
   pieces: ``"编程语言"`` -> ``"编程"``, ``"语言"``;
3. a single CJK or full-width punctuation mark: ``"。"``, ``"，"``, ``"？"``;
4. an English contraction ending: ``"'s"``, ``"'t"``, ``"'re"``, ``"'ve"``,
   ``"'m"``, ``"'ll"``, ``"'d"``;
5. a word (a run of letters);
6. a number of up to three digits: ``"2024"`` -> ``"202"``, ``"4"``;
7. a run of other punctuation or symbols (``_`` included): ``'{"'``, ``'":"'``;
8. a run of spaces or tabs, leaving its last space to the piece that follows.

Pieces 2, 5, 6 and 7 take one leading space with them, as GPT tokenizers do,
so ``"Hello, world!"`` streams as ``"Hello"``, ``","``, ``" world"``, ``"!"``.
Joining the pieces always gives back the original text.
"""

import re

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_CJK_PUNCTUATION = "\u3000-\u303f\uff00-\uffef"

_PIECE = re.compile(
    rf"""
      [\r\n]+
    | \ ?[{_HAN}]{{1,2}}
    | [{_CJK_PUNCTUATION}]
    | '(?:s|t|re|ve|m|ll|d)\b
    | \ ?[^\W\d_{_HAN}]+
    | \ ?\d{{1,3}}
    | \ ?(?:[^\s\w{_CJK_PUNCTUATION}]|_)+
    | [^\S\r\n]+(?!\S)
    | [^\S\r\n]+
    """,
    re.VERBOSE | re.IGNORECASE,
)


def pieces(text: str) -> list[str]:
    """Cut ``text`` into the pieces the fake server streams, one per chunk."""
    return _PIECE.findall(text)
