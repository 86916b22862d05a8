"""The SSE app of the real-time practice page, served for real: uvicorn on a loopback port,
read by an HTTP client that parses every frame strictly, and by headless Chromium on its page.

The app comes from examples/practice/realtime/sse_app.py itself; the fake model answers from
that chapter's replies.toml (plus a slow reply and a hostile one for the browser). Nothing
here bounds a duration from above except generous deadlines for things that take
milliseconds.
"""

from __future__ import annotations

import importlib.util
import json
import socket
import threading
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from fake_openai.script import Script
from fake_openai.server import FakeOpenAI
from guide.layout import example_dir
from tests.support.browser import Chromium

PAGE = "practice/realtime"
pytestmark = pytest.mark.page(PAGE)  # `make check PAGE=practice/realtime` selects these tests
CHAPTER = example_dir(PAGE)
APP = CHAPTER / "sse_app.py"
EVENTS = {"start", "token", "tool", "progress", "end", "error"}
DEADLINE = 60.0  # seconds: for what takes milliseconds on an idle machine
SLOW = {
    "prompt": "慢慢讲讲拙政园",
    "token_delay": 0.1,
    "text": "拙政园是苏州最大的古典园林，以水为中心，亭台临水而建。",
}
HOSTILE = {
    "prompt": "把这段 HTML 原样写出来",
    "token_delay": 0.01,
    "text": '<img src=x onerror="window.pwned=1">第一行\n第二行 '
    "</p><script>window.pwned=2</script>",
}


@dataclass
class Stream:
    status: int
    headers: httpx.Headers
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    pings: int = 0

    def names(self) -> list[str]:
        return [name for name, _ in self.events]

    def tokens(self) -> str:
        return "".join(data["text"] for name, data in self.events if name == "token")


def parse_strictly(body: str) -> tuple[list[tuple[str, dict[str, Any]]], int]:
    """Every frame is a `: ping` comment, or one `event:` line and one `data:` line of JSON,
    and ends with a blank line; anything else fails."""
    assert "\r" not in body, "frames use \\n only"
    assert body.endswith("\n\n"), f"the stream does not end at the end of a frame: {body[-80:]!r}"
    events, pings = [], 0
    for frame in body[:-2].split("\n\n"):
        lines = frame.split("\n")
        if lines == [": ping"]:
            pings += 1
            continue
        assert len(lines) == 2, f"not one event line and one data line: {frame!r}"
        assert lines[0].startswith("event: ") and lines[1].startswith("data: "), frame
        name = lines[0].removeprefix("event: ")
        assert name in EVENTS, f"unknown event {name!r}"
        data = json.loads(lines[1].removeprefix("data: "))
        assert isinstance(data, dict), frame
        events.append((name, data))
    return events, pings


def post(url: str, body: dict[str, Any]) -> Stream:
    with httpx.Client(timeout=DEADLINE) as client:
        with client.stream("POST", url, json=body) as response:
            text = response.read().decode("utf-8")
            stream = Stream(response.status_code, response.headers)
    stream.events, stream.pings = parse_strictly(text)
    return stream


def load_app_module(path: Path):
    spec = importlib.util.spec_from_file_location("realtime_sse_app", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # defines create_app; runs nothing (not __main__)
    return module


@dataclass
class Served:
    url: str
    app: Any
    model: FakeOpenAI


@pytest.fixture
def served(fake_openai: FakeOpenAI, monkeypatch: pytest.MonkeyPatch) -> Iterator[Served]:
    for name, value in fake_openai.client_env.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    replies = tomllib.loads((CHAPTER / "replies.toml").read_text(encoding="utf-8"))
    replies["reply"] += [SLOW, HOSTILE]
    app = load_app_module(APP).create_app(heartbeat=0.2)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    listener = socket.create_server(("127.0.0.1", 0))  # connections wait in its backlog
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    with fake_openai.scripted(Script.from_dict(replies)):
        thread.start()
        try:
            yield Served(f"http://127.0.0.1:{listener.getsockname()[1]}", app, fake_openai)
        finally:
            server.should_exit = True
            thread.join(DEADLINE)
            listener.close()
    assert not thread.is_alive(), "the app did not stop"


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():
        assert time.monotonic() < deadline, f"not within {DEADLINE} s: {what}"
        time.sleep(0.02)


def test_a_conversation_is_framed_strictly_with_headers_heartbeats_and_one_thread(served):
    first = post(f"{served.url}/chat", {"message": "苏州今天适合出门吗？"})
    assert first.status == 200
    assert first.headers["content-type"].startswith("text/event-stream")
    assert first.headers["cache-control"] == "no-cache"
    assert first.headers["x-accel-buffering"] == "no"
    names = first.names()
    assert names[:6] == ["start", "tool", "progress", "progress", "progress", "tool"], names
    assert set(names[6:-1]) == {"token"} and names[-1] == "end", names
    assert first.events[1][1] == {
        "name": "get_weather",
        "args": {"city": "苏州"},
        "status": "start",
    }
    assert first.events[5][1]["status"] == "end"
    progress = [data for name, data in first.events if name == "progress"]
    # The payload of the progress chapter: one shape, one id per tool call.
    assert [set(p) for p in progress] == [
        {"type", "id", "step", "current", "total", "status", "message"}
    ] * 3
    assert [(p["current"], p["total"], p["status"]) for p in progress] == [
        (0, 2, "running"),
        (1, 2, "running"),
        (2, 2, "done"),
    ]
    assert {p["type"] for p in progress} == {"progress"}
    assert len({p["id"] for p in progress}) == 1 and progress[0]["id"]
    assert first.tokens() == "苏州今天多云，21°C，适合去园林走走。"
    assert first.events[-1][1] == {"answer": first.tokens()}
    # The tool sleeps 0.3 s twice with nothing to send: a 0.2 s heartbeat must fire.
    assert first.pings >= 1

    thread_id = first.events[0][1]["thread_id"]
    second = post(f"{served.url}/chat", {"message": "那明天呢？", "thread_id": thread_id})
    assert second.events[0] == ("start", {"thread_id": thread_id})
    assert second.tokens() == "明天苏州有小雨，出门记得带伞。"
    # The checkpointer kept the thread: the model got the first turn with the second question.
    sent = [message["content"] for message in served.model.requests[-1]["messages"]]
    assert "苏州今天适合出门吗？" in sent and "那明天呢？" in sent, sent
    assert first.tokens() in sent, sent  # the first answer, too

    other = post(f"{served.url}/chat", {"message": "那明天呢？"})
    assert other.events[0][1]["thread_id"] != thread_id


def test_a_broken_upstream_ends_the_stream_with_an_error_event(served):
    stream = post(f"{served.url}/chat", {"message": "讲讲太湖"})
    assert stream.names()[-1] == "error" and "end" not in stream.names()
    error = stream.events[-1][1]
    assert set(error) == {"type", "message"} and error["message"]
    assert stream.tokens() == "太湖是中国第"


def test_a_client_that_leaves_cancels_the_run_up_to_the_model(served):
    with httpx.Client(timeout=DEADLINE) as client:
        with client.stream(
            "POST", f"{served.url}/chat", json={"message": "详细介绍一下大运河"}
        ) as r:
            tokens = 0
            for line in r.iter_lines():
                tokens += line == "event: token"
                if tokens == 3:
                    break
    # A run that went on would end normally: no CancelledError, and a stream read to its end.
    wait_until(served.app.state.node_cancelled.is_set, "the model node sees CancelledError")
    wait_until(
        lambda: served.model.abandoned == ["详细介绍一下大运河"], "the fake model sees the close"
    )


def test_a_client_that_leaves_during_the_tool_leaves_a_thread_the_next_turn_can_use(served):
    with httpx.Client(timeout=DEADLINE) as client:
        with client.stream(
            "POST", f"{served.url}/chat", json={"message": "苏州今天适合出门吗？"}
        ) as r:
            lines = []
            for line in r.iter_lines():
                lines.append(line)
                if line == "event: progress":
                    break
    thread_id = json.loads(lines[1].removeprefix("data: "))["thread_id"]
    wait_until(lambda: not served.app.state.runs, "the cancelled run ends")
    # The tool never answered: the checkpoint holds a tool call without a tool message, which
    # OpenAI (and the fake model) refuse with a 400 unless the app answers it.
    second = post(f"{served.url}/chat", {"message": "那明天呢？", "thread_id": thread_id})
    assert second.names()[-1] == "end", second.events
    assert second.tokens() == "明天苏州有小雨，出门记得带伞。"
    sent = served.model.requests[-1]["messages"]
    assert [m["role"] for m in sent] == ["user", "assistant", "tool", "user"], sent
    assert sent[2]["content"].startswith("已取消"), sent[2]


def test_chromium_renders_the_stream_from_the_apps_own_page(served, chromium: Chromium):
    def job(browser):
        page = browser.new_page()
        requests, problems = [], []
        page.on("request", lambda request: requests.append(request.url))
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.goto(served.url + "/", timeout=DEADLINE * 1000)
        # Count the answer's visible lengths as they change, inside the page.
        page.evaluate(
            """() => { window.lengths = [];
            new MutationObserver(() => {
              const answer = document.querySelector("#log .answer");
              if (answer) window.lengths.push(answer.textContent.length);
            }).observe(document.getElementById("log"),
                       {childList: true, subtree: true, characterData: true}); }"""
        )
        page.fill("#message", SLOW["prompt"])
        page.click("button")
        page.wait_for_function(
            "document.getElementById('status').textContent === '回答完毕'", timeout=DEADLINE * 1000
        )
        answer = page.text_content("#log .answer")
        lengths = page.evaluate("window.lengths")
        page.fill("#message", "那明天呢？")
        page.click("button")
        page.wait_for_function(
            "document.querySelectorAll('#log .answer').length === 2", timeout=DEADLINE * 1000
        )
        page.wait_for_function(
            "document.getElementById('status').textContent === '回答完毕'", timeout=DEADLINE * 1000
        )
        second = page.locator("#log .answer").nth(1).text_content()
        page.close()
        return answer, lengths, second, requests, problems

    answer, lengths, second, requests, problems = chromium.run(job)
    assert answer == SLOW["text"]
    # Paced at 0.1 s a token, the answer grew in many visible steps, not all at once.
    assert len(set(lengths)) >= 3, lengths
    assert second == "明天苏州有小雨，出门记得带伞。"
    # The second turn reused the thread the first one started.
    sent = [message["content"] for message in served.model.requests[-1]["messages"]]
    assert SLOW["prompt"] in sent, sent
    assert all(url.startswith(served.url) for url in requests), requests
    assert not problems, problems


WHOLE_TAGS = ['<img src=x onerror="window.pwned=3">', "<script>window.pwned=4</script>"]
WHOLE_TAGS_STREAM = "".join(
    f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
    for name, data in [
        ("start", {"thread_id": "t"}),
        *(("token", {"text": tag}) for tag in WHOLE_TAGS),
        ("end", {"answer": "".join(WHOLE_TAGS)}),
    ]
)


def test_chromium_parses_small_reads_and_never_renders_the_answer_as_html(
    served, chromium: Chromium
):
    """Every read of the body is cut to 5 bytes (multibyte characters split), and the answer is
    hostile HTML: a parser that drops a partial event, or innerHTML, fails here."""

    def job(browser):
        page = browser.new_page()
        problems = []
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.add_init_script(
            """(() => { window.pwned = 0; window.reads = 0;
            const original = window.fetch;
            window.fetch = async (...args) => {
              const response = await original(...args);
              const source = response.body.getReader();
              let pending = new Uint8Array(0);
              const body = new ReadableStream({ async pull(controller) {
                while (pending.length === 0) {
                  const {value, done} = await source.read();
                  if (done) { controller.close(); return; }
                  pending = value;
                }
                controller.enqueue(pending.slice(0, 5)); window.reads += 1;
                pending = pending.slice(5);
              }});
              return new Response(body, {status: response.status, headers: response.headers});
            }; })()"""
        )
        page.goto(served.url + "/", timeout=DEADLINE * 1000)
        done = "document.getElementById('status').textContent === '回答完毕'"
        page.click("button")  # the pre-filled question: tool lines, progress, answer
        page.wait_for_function(done, timeout=DEADLINE * 1000)
        first = page.text_content("#log .answer")
        tools = page.locator("#log p.tool").all_text_contents()
        page.fill("#message", HOSTILE["prompt"])
        page.click("button")
        page.wait_for_function(
            "document.querySelectorAll('#log .answer').length === 2", timeout=DEADLINE * 1000
        )
        page.wait_for_function(done, timeout=DEADLINE * 1000)
        hostile = page.locator("#log .answer").nth(1).text_content()
        # Whole tags in one token, as a real model may send them (the fake model cuts them up).
        page.route(
            "**/chat",
            lambda route: route.fulfill(
                status=200, content_type="text/event-stream", body=WHOLE_TAGS_STREAM
            ),
        )
        page.click("button")
        page.wait_for_function(
            "document.querySelectorAll('#log .answer').length === 3", timeout=DEADLINE * 1000
        )
        page.wait_for_function(done, timeout=DEADLINE * 1000)
        whole = page.locator("#log .answer").nth(2).text_content()
        elements = page.evaluate("document.querySelectorAll('#log img, #log script').length")
        pwned, reads = page.evaluate("[window.pwned, window.reads]")
        page.close()
        return first, tools, hostile, whole, elements, pwned, reads, problems

    first, tools, hostile, whole, elements, pwned, reads, problems = chromium.run(job)
    assert first == "苏州今天多云，21°C，适合去园林走走。"
    assert tools == [
        "调用 get_weather……",
        "查询苏州天气：连接气象站（0/2）",
        "查询苏州天气：读取今日预报（1/2）",
        "查询苏州天气：完成（2/2）",
        "get_weather 已返回",
    ]
    assert hostile == HOSTILE["text"]
    assert whole == "".join(WHOLE_TAGS)
    assert (elements, pwned) == (0, 0)
    assert reads > 100, reads  # the body really came in small pieces
    assert not problems, problems


CUT_STREAM = 'event: start\ndata: {"thread_id": "t"}\n\nevent: token\ndata: {"text": "半"}\n\n'


def test_chromium_reports_a_failed_request_and_a_cut_stream_and_locks_the_button(
    served, chromium: Chromium
):
    def job(browser):
        page = browser.new_page()
        page.goto(served.url + "/", timeout=DEADLINE * 1000)
        seen = []
        released = "!document.querySelector('#ask button').disabled"

        def finish():
            page.wait_for_function(released, timeout=DEADLINE * 1000)
            seen.append(
                (page.text_content("#status"), page.locator("#log p.error").last.text_content())
            )

        # The button is locked while a turn streams, and released when it ends: the end event
        # sets the status, and the button follows once the server has closed the stream.
        page.fill("#message", SLOW["prompt"])
        page.click("button")
        page.wait_for_selector("#log .answer", timeout=DEADLINE * 1000)
        locked = page.evaluate("document.querySelector('#ask button').disabled")
        page.wait_for_function(
            "document.getElementById('status').textContent === '回答完毕'", timeout=DEADLINE * 1000
        )
        page.wait_for_function(released, timeout=DEADLINE * 1000)
        # A proxy error that is not an event stream.
        page.route("**/chat", lambda route: route.fulfill(status=502, body="Bad Gateway"))
        page.click("button")
        finish()
        page.unroute("**/chat")
        # A stream that ends without end or error.
        page.route(
            "**/chat",
            lambda route: route.fulfill(
                status=200,
                content_type="text/event-stream",
                body=CUT_STREAM,
            ),
        )
        page.click("button")
        finish()
        page.unroute("**/chat")
        # The server is gone: fetch itself fails.
        page.route("**/chat", lambda route: route.abort())
        page.click("button")
        finish()
        page.close()
        return locked, seen

    locked, seen = chromium.run(job)
    assert locked, "the button was not locked while the answer streamed"
    assert seen[0] == ("出错", "出错了：HTTP 502")
    assert seen[1] == ("出错", "出错了：连接在回答结束前断开了")
    assert seen[2][0] == "出错" and seen[2][1].startswith("出错了："), seen[2]
