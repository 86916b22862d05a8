"""Async stream_events(version="v3") (beta): two projections read at once."""

import asyncio
import warnings

from langchain.agents import create_agent
from langchain.tools import tool
from langchain_core._api import LangChainBetaWarning
from langchain_openai import ChatOpenAI

researcher = create_agent(model="gpt-4o-mini", tools=[], name="researcher")
writer = create_agent(model="gpt-4o-mini", tools=[], name="writer")
summariser = ChatOpenAI(model="gpt-4o-mini").with_config(tags=["internal_summary"])


@tool
def ask_researcher(topic: str) -> str:
    """请研究助手调查一个主题，返回一句话的要点。"""
    result = researcher.invoke({"messages": [{"role": "user", "content": topic}]})
    notes = result["messages"][-1].text
    return summariser.invoke(f"用一句话概括：{notes}").text


@tool
def ask_writer(notes: str) -> str:
    """请写手根据要点写出给用户看的建议。"""
    result = writer.invoke({"messages": [{"role": "user", "content": notes}]})
    return result["messages"][-1].text


supervisor = create_agent(
    model="gpt-4o-mini", tools=[ask_researcher, ask_writer], name="supervisor"
)
question = {
    "messages": [{"role": "user", "content": "给团队写一段关于远程办公的简短建议"}]
}

warnings.simplefilter("ignore", LangChainBetaWarning)  # (1)!


async def main() -> None:
    run = await supervisor.astream_events(question, version="v3")  # (2)!
    messages, calls = aiter(run.messages), aiter(run.tool_calls)  # (3)!

    async def answers() -> list[str]:
        said = []
        async for message in messages:
            text = "".join([delta async for delta in message.text])  # (4)!
            if text:
                said.append(f"[{message.node}] {text}")
        return said

    async def tool_calls() -> list[str]:
        return [f"{call.tool_name}({call.input})" async for call in calls]

    said, called = await asyncio.gather(answers(), tool_calls())  # (5)!
    print(f"messages 投影：{said}")
    print(f"tool_calls 投影：{called}")
    print(f"最终状态里有 {len((await run.output())['messages'])} 条消息")  # (6)!


if __name__ == "__main__":
    asyncio.run(main())
