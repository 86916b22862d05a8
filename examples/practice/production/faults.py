"""Each fault a streamed call can meet, one at a time: what is raised, who retries."""

import asyncio

import httpx
from langchain_core.exceptions import ModelConnectionError, ModelTimeoutError
from langchain_openai import ChatOpenAI, StreamChunkTimeoutError

attempts = 0


async def count_request(request: httpx.Request) -> None:  # (1)!
    global attempts
    attempts += 1


def make_model(read: float = 10.0, chunk: float | None = 1.0, **kwargs) -> ChatOpenAI:
    return ChatOpenAI(
        model="gpt-4o-mini",
        max_retries=2,  # (2)!
        timeout=httpx.Timeout(read, connect=5.0),  # (3)!
        stream_chunk_timeout=chunk,  # (4)!
        http_async_client=httpx.AsyncClient(event_hooks={"request": [count_request]}),
        **kwargs,
    )


RETRY_IN_APP = (
    ModelConnectionError,
    ModelTimeoutError,
    StreamChunkTimeoutError,
)  # (5)!


async def run(model: ChatOpenAI, label: str, prompt: str, limit=None) -> None:
    global attempts
    attempts = 0
    text, refusal, error = "", "", None
    try:
        async with asyncio.timeout(limit):  # (6)!
            async for chunk in model.astream(prompt):
                text += chunk.text
                for block in chunk.content_blocks:
                    if block["type"] == "refusal":  # (7)!
                        refusal += block["refusal"]
    except Exception as exc:
        error = exc
    print(f"{label}：HTTP 请求 {attempts} 次，已收到文字 {text!r}")
    if error is None:
        print(f"  没有异常，收到的拒答内容：{refusal!r}")
        return
    print(f"  抛出 {type(error).__module__}.{type(error).__qualname__}")
    if isinstance(error, RETRY_IN_APP):
        print("  openai 客户端没有重试 → 应用层从头重试，界面清掉已显示的文字")
    elif isinstance(error, TimeoutError):  # (8)!
        print("  整个请求的时限到了 → 不再重试，告诉用户这次没有完成")
    else:
        print(
            f"  openai 客户端已重试 {attempts - 1} 次 → 应用层不再重试，换备用模型"
        )  # (9)!


async def main() -> None:
    chat = make_model()
    for fault in ["断线", "429", "500", "卡住", "拒答"]:
        await run(chat, fault, f"故障：{fault}")
    http_only = make_model(read=1.0, chunk=None)
    await run(http_only, "卡住（只有 HTTP 读超时）", "故障：卡住")  # (10)!
    await run(make_model(chunk=None), "卡住（整个请求限时）", "故障：卡住", limit=2.0)
    responses = make_model(use_responses_api=True)  # (11)!
    await run(responses, "拒答（Responses API）", "故障：拒答")


if __name__ == "__main__":
    asyncio.run(main())
