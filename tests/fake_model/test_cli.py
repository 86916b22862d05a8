"""`python -m fake_openai example.py`: the reader's offline command."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import fake_openai.__main__ as cli
from guide.layout import ROOT

# A bound on how long a subprocess may take before the test calls it hung: a Python process that
# imports the web stack can take many seconds to start or stop on a busy machine.
HANG = 90

# Stdlib only, so the subprocess starts fast. It imports its prompts from a module next to
# it, which works only if the example's directory is on sys.path, as with `python x.py`.
EXAMPLE = """\
import json, os, urllib.error, urllib.request

from prompts import PROMPTS

assert "OPENAI_API_BASE" not in os.environ and "LANGSMITH_GATEWAY" not in os.environ

for prompt in PROMPTS:
    body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": prompt}]}
    request = urllib.request.Request(
        os.environ["OPENAI_BASE_URL"] + "/chat/completions",
        data=json.dumps(body).encode(),
        headers={"Authorization": "Bearer " + os.environ["OPENAI_API_KEY"]},
    )
    try:
        with urllib.request.urlopen(request) as response:
            print(json.load(response)["choices"][0]["message"]["content"])
    except urllib.error.HTTPError:
        print("swallowed")
"""
REPLIES = '[[reply]]\nprompt = "你好"\ntext = "你好！"\n'


def run(tmp_path: Path, prompts: list[str], *options: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "prompts.py").write_text(f"PROMPTS = {prompts!r}\n", encoding="utf-8")
    example = tmp_path / "example.py"
    example.write_text(EXAMPLE, encoding="utf-8")
    # Either would route langchain-openai past OPENAI_BASE_URL; the command unsets them.
    env = {**os.environ, "OPENAI_API_BASE": "http://127.0.0.1:9/v1", "LANGSMITH_GATEWAY": "true"}
    return subprocess.run(
        [sys.executable, "-m", "fake_openai", str(example), *options],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG,
    )


def test_runs_the_example_with_the_replies_next_to_it(tmp_path):
    (tmp_path / "replies.toml").write_text(REPLIES, encoding="utf-8")
    done = run(tmp_path, ["你好"])
    assert (done.returncode, done.stdout, done.stderr) == (0, "你好！\n", "")


def test_replies_option(tmp_path):
    other = tmp_path / "elsewhere.toml"
    other.write_text(REPLIES.replace("你好！", "嗨"), encoding="utf-8")
    done = run(tmp_path, ["你好"], "--replies", str(other))
    assert (done.returncode, done.stdout) == (0, "嗨\n")


def test_unscripted_prompt_fails_even_if_the_example_swallows_the_error(tmp_path):
    (tmp_path / "replies.toml").write_text(REPLIES, encoding="utf-8")
    done = run(tmp_path, ["你好", "再见"])
    assert done.returncode == 1
    assert done.stdout == "你好！\nswallowed\n"
    assert "no scripted reply" in done.stderr and "'再见'" in done.stderr


def test_arguments_after_a_double_dash_reach_the_example(tmp_path):
    (tmp_path / "replies.toml").write_text(REPLIES, encoding="utf-8")
    example = tmp_path / "argv.py"
    example.write_text("import sys\nprint(sys.argv[1:])\n", encoding="utf-8")
    command = [sys.executable, "-m", "fake_openai", str(example)]
    done = subprocess.run(
        [*command, "--", "--serve", "-x"], cwd=ROOT, capture_output=True, text=True, timeout=HANG
    )
    assert (done.returncode, done.stdout) == (0, "['--serve', '-x']\n")
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=HANG)
    assert (done.returncode, done.stdout) == (0, "[]\n")


def test_missing_replies_file_is_a_usage_error(tmp_path):
    done = run(tmp_path, ["你好"])
    assert done.returncode == 2
    assert "replies.toml" in done.stderr


def test_serve_answers_until_interrupted(tmp_path):
    replies = tmp_path / "replies.toml"
    replies.write_text(REPLIES, encoding="utf-8")
    command = [sys.executable, "-m", "fake_openai", "--serve", "--replies", str(replies)]
    with subprocess.Popen(
        [*command, "--port", "0"], cwd=ROOT, stdout=subprocess.PIPE, text=True
    ) as server:
        try:
            printed = [server.stdout.readline() for _ in range(4)]
            env = dict(line.strip().split("=", 1) for line in printed[1:3])
            body = {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "你好"}]}
            request = urllib.request.Request(
                env["OPENAI_BASE_URL"] + "/chat/completions",
                data=json.dumps(body).encode(),
                headers={"Authorization": "Bearer " + env["OPENAI_API_KEY"]},
            )
            with urllib.request.urlopen(request, timeout=HANG) as response:
                assert json.load(response)["choices"][0]["message"]["content"] == "你好！"
        finally:
            server.send_signal(signal.SIGINT)
            try:
                code = server.wait(timeout=HANG)
            finally:
                server.kill()  # a no-op once it has exited; else nothing is left running
        assert code == 0
    assert env["OPENAI_BASE_URL"].startswith("http://127.0.0.1:")
    assert "OPENAI_API_BASE" in printed[3]


def test_serve_stops_on_ctrl_c_even_if_its_parent_ignores_it(tmp_path):
    """A shell's background job, for one, starts with SIGINT ignored."""
    replies = tmp_path / "replies.toml"
    replies.write_text(REPLIES, encoding="utf-8")
    command = [sys.executable, "-m", "fake_openai", "--serve", "--replies", str(replies)]
    ignoring = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        server = subprocess.Popen(
            [*command, "--port", "0"], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
    finally:
        signal.signal(signal.SIGINT, ignoring)
    with server:
        server.stdout.readline()
        server.send_signal(signal.SIGINT)
        try:
            code = server.wait(timeout=HANG)
        finally:
            server.kill()
    assert code == 0


def test_serve_takes_replies_and_no_example(tmp_path):
    for options in (["--serve"], ["--serve", "--replies", "r.toml", "x.py"]):
        done = subprocess.run(
            [sys.executable, "-m", "fake_openai", *options],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=HANG,
        )
        assert done.returncode == 2 and "--serve takes --replies" in done.stderr


# Ctrl-C while the startup message is being printed: the signal arrives during the first
# print, exactly where an interrupt used to escape as a KeyboardInterrupt traceback.
CTRL_C_DURING_PRINT = """\
import builtins, os, signal, sys
import fake_openai.__main__ as cli

def interrupted_print(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGINT)
    builtins.print(*args, **kwargs)

cli.print = interrupted_print
sys.exit(cli.main(["--serve", "--replies", sys.argv[1], "--port", "0"]))
"""


def test_serve_exits_cleanly_on_ctrl_c_during_its_startup_message(tmp_path):
    replies = tmp_path / "replies.toml"
    replies.write_text(REPLIES, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", CTRL_C_DURING_PRINT, str(replies)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=HANG,
    )
    assert (done.returncode, done.stderr) == (0, "")


def test_unscripted_prompt_prints_a_stub_to_paste_into_the_replies_file(tmp_path):
    replies = tmp_path / "replies.toml"
    replies.write_text(REPLIES, encoding="utf-8")
    prompt = '再见 "world"\n'
    done = run(tmp_path, ["你好", prompt])
    assert done.returncode == 1
    assert str(replies) in done.stderr
    stub = done.stderr[done.stderr.index("[[reply]]") :]
    assert stub.startswith('[[reply]]\nprompt = "再见 \\"world\\"\\n"\ntext = "..."\n')

    with replies.open("a", encoding="utf-8") as file:
        file.write(stub)
    done = run(tmp_path, ["你好", prompt])
    assert (done.returncode, done.stdout) == (0, "你好！\n...\n")


def test_serve_keeps_no_request(monkeypatch, tmp_path):
    made = []

    class Spy:
        def __init__(self, *args, **kwargs):
            made.append(kwargs)
            raise OSError("spied")

    monkeypatch.setattr(cli, "FakeOpenAI", Spy)
    assert cli.serve(cli.Script({}), tmp_path / "replies.toml", 0) == 1
    assert made == [{"keep_log": False}]


def test_serve_exits_cleanly_on_ctrl_c_as_soon_as_it_speaks(tmp_path):
    replies = tmp_path / "replies.toml"
    replies.write_text(REPLIES, encoding="utf-8")
    command = [sys.executable, "-m", "fake_openai", "--serve", "--replies", str(replies)]
    for _ in range(3):  # the interrupt lands somewhere in or after the startup message
        server = subprocess.Popen(
            [*command, "--port", "0"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        server.stdout.readline()
        server.send_signal(signal.SIGINT)
        try:
            _, stderr = server.communicate(timeout=HANG)
        finally:
            server.kill()  # a no-op once it has exited; else nothing is left running
            server.communicate()
        assert (server.returncode, stderr) == (0, "")
