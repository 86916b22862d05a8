"""Legacy astream_events(version="v2"): include_names, include_types, include_tags."""

import asyncio
from collections import Counter

from langchain.agents import create_agent
from langchain.tools import tool
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


async def main() -> None:
    for label, options in [  # (1)!
        ("include_names=['writer']", {"include_names": ["writer"]}),
        ("include_tags=['internal_summary']", {"include_tags": ["internal_summary"]}),
        ("include_types=['chat_model']", {"include_types": ["chat_model"]}),
    ]:
        kinds, text = Counter(), {}
        async for event in supervisor.astream_events(question, version="v2", **options):
            kinds[event["event"]] += 1
            if event["event"] == "on_chat_model_stream":
                agent = event["metadata"].get("lc_agent_name")  # (2)!
                text[agent] = text.get(agent, "") + event["data"]["chunk"].text
        print(f"{label}：")
        print(f"  事件：{dict(sorted(kinds.items()))}")
        for agent, said in text.items():
            print(f"  {agent} 的 token：{said}")


if __name__ == "__main__":
    asyncio.run(main())  # (3)!
