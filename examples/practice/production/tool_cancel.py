"""Stopping a run while a tool awaits: the tool, the callbacks, and the checkpoint."""

import asyncio

import openai
from langchain.agents import create_agent
from langchain_core.callbacks import AsyncCallbackHandler
from langchain_core.messages import AIMessage, ToolMessage
from langgraph.checkpoint.memory import InMemorySaver

export_started = asyncio.Event()


async def export_report(month: str) -> str:
    """导出某个月的销售报表，返回下载链接。"""
    export_started.set()
    try:
        await asyncio.sleep(30)  # (1)!
    except asyncio.CancelledError:
        print("  工具在 await 处收到 CancelledError")
        raise
    return f"https://example.com/reports/{month}.xlsx"


class RunEvents(AsyncCallbackHandler):
    def __init__(self) -> None:
        self.events: list[str] = []
        self.names = {}

    async def on_tool_start(self, serialized, input_str, **kwargs) -> None:
        self.events.append("on_tool_start")

    async def on_tool_end(self, output, **kwargs) -> None:
        self.events.append("on_tool_end")

    async def on_tool_error(self, error: BaseException, **kwargs) -> None:
        self.events.append(f"on_tool_error({type(error).__name__})")  # (2)!

    async def on_chain_start(self, serialized, inputs, *, run_id, **kwargs) -> None:
        self.names[run_id] = kwargs.get("name")

    async def on_chain_error(self, error: BaseException, *, run_id, **kwargs) -> None:
        name = self.names.get(run_id)
        self.events.append(f"on_chain_error({type(error).__name__}, {name})")


agent = create_agent(
    "openai:gpt-4o-mini", tools=[export_report], checkpointer=InMemorySaver()
)


async def ask(question: str, config: dict) -> None:
    async for part in agent.astream(
        {"messages": [("user", question)]}, config, stream_mode="updates"
    ):
        for node, update in part.items():
            message = update["messages"][-1]
            calls = f"{len(message.tool_calls)} 个工具调用"
            print(f"  {node}：{message.text or calls}")


async def stop_during_tool(config: dict) -> None:
    export_started.clear()
    task = asyncio.create_task(ask("把上个月的销售报表导出来", config))
    await export_started.wait()
    task.cancel()  # (3)!
    try:
        await task
    except asyncio.CancelledError:
        print("  运行已取消")


async def close_open_tool_calls(config: dict) -> None:  # (4)!
    state = await agent.aget_state(config)
    last = state.values["messages"][-1]
    if isinstance(last, AIMessage) and last.tool_calls:
        answers = [
            ToolMessage("用户取消了这次调用。", tool_call_id=call["id"], status="error")
            for call in last.tool_calls
        ]
        await agent.aupdate_state(config, {"messages": answers}, as_node="tools")


async def main() -> None:
    events = RunEvents()
    first = {"configurable": {"thread_id": "a"}, "callbacks": [events]}
    print("用户在工具运行时点了“停止”：")
    await stop_during_tool(first)
    print(f"  回调：{events.events}")

    state = await agent.aget_state(first)  # (5)!
    messages = state.values["messages"]
    answered = sum(isinstance(m, ToolMessage) for m in messages)
    print(f"  检查点：下一步 {state.next}，最后一条 {type(messages[-1]).__name__}，")
    print(f"  带 {len(messages[-1].tool_calls)} 个工具调用，ToolMessage {answered} 条")

    print("同一会话线程里接着提问：")
    try:
        await ask("换个问题：上个月卖得最好的是什么？", first)
    except openai.BadRequestError as exc:  # (6)!
        print(f"  {type(exc).__name__}（HTTP {exc.status_code}）：")
        print(f"  {exc.body['message'].split('. ')[0]}.")
    state = await agent.aget_state(first)
    print(f"  检查点里的消息：{[type(m).__name__ for m in state.values['messages']]}")

    print("停止后先补上 ToolMessage，再接着提问：")
    second = {"configurable": {"thread_id": "b"}}
    await stop_during_tool(second)
    await close_open_tool_calls(second)
    await ask("换个问题：上个月卖得最好的是什么？", second)


if __name__ == "__main__":
    asyncio.run(main())
