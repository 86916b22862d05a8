"""Run the benchmark and write its data file.

    python -m bench quick     # about 80 s on 2 cores: make bench
    python -m bench full      # about 6 minutes: make bench-full

Writes ``bench/results/<profile>.json``; ``python -m bench.render`` turns it into the tables
and charts the pages show.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys

from fake_openai import network_guard
from fake_openai.server import CLIENT_ENV, apply_env

from . import data
from .run import PROFILES, run


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("profile", choices=sorted(PROFILES))
    args = parser.parse_args(argv)
    network_guard.install()
    apply_env(os.environ, CLIENT_ENV)  # each path is given the server's address itself
    os.environ.pop("LANGCHAIN_OPENAI_STREAM_CHUNK_TIMEOUT_S", None)
    results = run(PROFILES[args.profile], shlex.join(["python", "-m", "bench", *argv]))
    target = data.path_for(args.profile)
    data.save(results, target)
    print(f"{target}: {sum(results['phase_seconds'].values()):.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
