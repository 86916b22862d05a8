"""The site machinery's one command line; the Makefile's targets call it.

python -m guide build [--site-dir DIR]          both languages, strict (make build)
python -m guide serve [--port 8000]             live reload (make serve)
python -m guide notebooks [--page P] [--check | --execute]   (make notebooks)
python -m guide stamp PAGE                      record the zh hash an en page translates
python -m guide status                          which translations are stale
python -m guide costs [...]                     what checking, building, reading costs
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module

# command -> (module, whether the command's own name is passed on as its first argument)
COMMANDS: dict[str, tuple[str, bool]] = {
    "build": ("guide.site", True),
    "serve": ("guide.site", True),
    "notebooks": ("guide.notebooks", False),
    "stamp": ("guide.parity", True),
    "status": ("guide.parity", True),
    "costs": ("guide.costs", False),
    "drift": ("guide.drift", False),
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in COMMANDS:
        print(__doc__, file=sys.stderr)
        return 0 if argv[:1] in (["-h"], ["--help"]) else 2
    command, *rest = argv
    module, passes_name = COMMANDS[command]
    run: Callable[[list[str]], int] = import_module(module).main
    return run([command, *rest] if passes_name else rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
