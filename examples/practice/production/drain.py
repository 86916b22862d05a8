"""Graceful shutdown: on SIGTERM the run stops between steps, saved, to resume later."""

import asyncio
import os
import signal

from langchain.agents import create_agent
from langchain_core.messages import AIMessageChunk
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.errors import GraphDrained
from langgraph.runtime import RunControl


def get_forecast(city: str) -> str:
    """查询城市明天的天气预报。"""
    os.kill(os.getpid(), signal.SIGTERM)  # (1)!
    return f"{city}明天小雨，18°C。"


agent = create_agent(
    "openai:gpt-4o-mini", tools=[get_forecast], checkpointer=InMemorySaver()
)
config = {"configurable": {"thread_id": "user-42"}}


async def stream_answer(inputs, control: RunControl) -> None:
    async for part in agent.astream(
        inputs,
        config,
        stream_mode=["messages", "updates"],
        version="v2",
        control=control,  # (2)!
    ):
        if part["type"] == "updates":
            print(f"  步骤完成：{list(part['data'])}")
        elif isinstance(part["data"][0], AIMessageChunk) and part["data"][0].text:
            print(f"  token：{part['data'][0].text}", flush=True)


async def main() -> None:
    control = RunControl()  # (3)!
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, control.request_drain, "SIGTERM")  # (4)!

    print("第一个进程：")
    try:
        await stream_answer({"messages": [("user", "上海明天需要带伞吗？")]}, control)
    except GraphDrained as exc:  # (5)!
        print(f"  GraphDrained：{exc.reason}")
    loop.remove_signal_handler(signal.SIGTERM)
    state = await agent.aget_state(config)
    print(f"  已保存，下一步：{state.next}，消息 {len(state.values['messages'])} 条")

    print("重启后，从检查点继续：")
    await stream_answer(None, RunControl())  # (6)!


if __name__ == "__main__":
    asyncio.run(main())
