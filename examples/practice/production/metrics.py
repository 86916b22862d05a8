"""Time to first token and tokens per second per model call, as Prometheus metrics."""

import asyncio
import contextlib
import time
from uuid import UUID, uuid4

import httpx
from langchain_core.callbacks import AsyncCallbackHandler
from langchain_openai import ChatOpenAI
from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    start_http_server,
)
from prometheus_client.parser import text_string_to_metric_families

disable_created_metrics()  # (1)!
registry = CollectorRegistry()
TTFT = Histogram(
    "llm_time_to_first_token_seconds",
    "从发出请求到收到第一个带文字的块的秒数",
    ["model"],
    buckets=(0.5, 1, 2, 5, 10, 30),
    registry=registry,
)
RATE = Histogram(
    "llm_output_tokens_per_second",
    "首 token 之后每秒输出的 token 数",
    ["model"],
    buckets=(5, 10, 20, 50, 100, 200),
    registry=registry,
)
TOKENS = Counter(
    "llm_tokens", "用量里的 token 数", ["model", "kind"], registry=registry
)
CALLS = Counter("llm_calls", "模型调用次数", ["model", "outcome"], registry=registry)
IN_FLIGHT = Gauge("llm_streams_in_flight", "正在进行的流", registry=registry)


class StreamMetrics(AsyncCallbackHandler):
    """Timing and usage of each model call, from the callbacks."""

    def __init__(self) -> None:
        self.started: dict[UUID, float] = {}
        self.first: dict[UUID, float] = {}
        self.model: dict[UUID, str] = {}

    async def on_chat_model_start(
        self, serialized, messages, *, run_id, metadata, **kwargs
    ):
        self.started[run_id] = time.perf_counter()
        self.model[run_id] = (metadata or {}).get("ls_model_name", "unknown")  # (2)!

    async def on_llm_new_token(self, token, *, run_id, **kwargs) -> None:
        if token and run_id not in self.first:  # (3)!
            self.first[run_id] = time.perf_counter()

    async def on_llm_end(self, response, *, run_id, **kwargs) -> None:
        end, start = time.perf_counter(), self.started[run_id]
        model, first = self.model[run_id], self.first.get(run_id)
        usage = response.generations[0][0].message.usage_metadata or {}  # (4)!
        output = usage.get("output_tokens", 0)
        reasoning = usage.get("output_token_details", {}).get("reasoning", 0)
        if first is not None:  # (5)!
            TTFT.labels(model).observe(first - start)
            text_tokens = output - reasoning  # (6)!
            if text_tokens > 1 and end > first:
                RATE.labels(model).observe((text_tokens - 1) / (end - first))
        TOKENS.labels(model, "input").inc(usage.get("input_tokens", 0))
        TOKENS.labels(model, "output").inc(output)

    def forget(self, run_id: UUID) -> None:
        for table in (self.started, self.first, self.model):
            table.pop(run_id, None)


model = ChatOpenAI(model="gpt-4o-mini", stream_usage=True)  # (7)!
metrics = StreamMetrics()


async def ask(question: str, third: asyncio.Event | None = None) -> None:
    run_id, outcome, pieces = uuid4(), "ok", 0
    IN_FLIGHT.inc()
    try:  # (8)!
        config = {"callbacks": [metrics], "run_id": run_id}
        async for chunk in model.astream(question, config=config):
            if third and chunk.text:
                pieces += 1
                if pieces == 3:
                    third.set()
    except asyncio.CancelledError:
        outcome = "cancelled"  # (9)!
        raise
    except Exception as exc:
        outcome = type(exc).__name__  # (10)!
        print(f"“{question}”失败：{outcome}")
    finally:
        IN_FLIGHT.dec()
        CALLS.labels(model.model_name, outcome).inc()
        metrics.forget(run_id)


async def stopped_by_user() -> None:
    third = asyncio.Event()
    task = asyncio.create_task(ask("详细介绍一下长江", third))
    await third.wait()
    task.cancel()  # (11)!
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def main() -> None:
    server, thread = start_http_server(0, addr="127.0.0.1", registry=registry)  # (12)!
    port = server.server_address[1]
    await asyncio.gather(
        *(ask(q) for q in ["用一句话介绍苏州", "用一句话介绍南京", "故障：断线"]),
        stopped_by_user(),
    )

    async with httpx.AsyncClient() as client:  # (13)!
        text = (await client.get(f"http://127.0.0.1:{port}/metrics")).text
    server.shutdown()  # (14)!
    server.server_close()
    thread.join()
    for family in text_string_to_metric_families(text):
        print(f"{family.name}（{family.type}）")
        for sample in sorted(
            family.samples, key=lambda s: (s.name, sorted(s.labels.items()))
        ):
            if sample.name.endswith(("_sum", "_bucket")):  # (15)!
                continue
            labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
            print(f"  {sample.name}{{{labels}}} {sample.value:g}")
    fast = sum(
        s.value
        for f in text_string_to_metric_families(text)
        for s in f.samples
        if s.name == "llm_time_to_first_token_seconds_bucket"
        and s.labels["le"] == "5.0"
    )
    print(f"首 token 延迟不超过 5 秒的调用：{fast:g} 次")  # (16)!
    print(f"回调里遗留的调用记录：{len(metrics.started)} 条")


if __name__ == "__main__":
    asyncio.run(main())
