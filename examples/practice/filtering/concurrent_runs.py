"""Two runs streaming at once in one process; two model calls at once in one node."""

import asyncio
from typing import TypedDict

from langchain.agents import create_agent
from langchain.messages import AIMessageChunk
from langchain_openai import ChatOpenAI
from langgraph.graph import START, StateGraph

agent = create_agent(model="gpt-4o-mini", tools=[])
model = ChatOpenAI(model="gpt-4o-mini")


class Review(TypedDict):
    pros: str
    cons: str


async def weigh(state: Review) -> dict:
    pros, cons = await asyncio.gather(  # (1)!
        model.ainvoke("列出远程办公的一个优点", config={"tags": ["pros"]}),
        model.ainvoke("列出远程办公的一个缺点", config={"tags": ["cons"]}),
    )
    return {"pros": pros.text, "cons": cons.text}


review = StateGraph(Review).add_node(weigh).add_edge(START, "weigh").compile()


async def one_run(name: str, question: str, queue: asyncio.Queue) -> None:
    async for token, _ in agent.astream(  # (2)!
        {"messages": [{"role": "user", "content": question}]},
        stream_mode="messages",
    ):
        if isinstance(token, AIMessageChunk) and token.text:
            await queue.put((name, token.text))  # (3)!
    await queue.put((name, None))


def report(title: str, arrivals: list[tuple[str, str]]) -> None:
    switches = sum(a[0] != b[0] for a, b in zip(arrivals, arrivals[1:], strict=False))
    answers = {
        source: "".join(text for s, text in arrivals if s == source)
        for source in sorted({source for source, _ in arrivals})
    }
    first, second = answers.values()
    mixed = "".join(text for _, text in arrivals)  # (4)!
    print(f"{title}，两路的块是否交错到达：{'是' if switches >= 2 else '否'}")
    readable = mixed in (first + second, second + first)
    verdict = "读得通" if readable else "两段话混在一起，读不通"
    print(f"  ❌ 不分来源拼成一段：{verdict}")
    for source, answer in answers.items():
        print(f"  ✅ {source}：{answer}")


async def main() -> None:
    queue: asyncio.Queue = asyncio.Queue()
    runs = [
        asyncio.create_task(one_run("早起", "一句话说说早起的好处", queue)),
        asyncio.create_task(one_run("午睡", "一句话说说午睡的好处", queue)),
    ]
    arrivals, finished = [], 0
    while finished < len(runs):  # (5)!
        name, text = await queue.get()
        if text is None:
            finished += 1
        else:
            arrivals.append((name, text))
    report("两次并发的运行", arrivals)

    arrivals = []
    async for token, metadata in review.astream({}, stream_mode="messages"):
        if isinstance(token, AIMessageChunk) and token.text:
            source = "、".join(metadata.get("tags", []))  # (6)!
            node = metadata["langgraph_node"]
            arrivals.append((f"{node} 节点 [{source}]", token.text))
    report("一个节点里的两次模型调用", arrivals)


if __name__ == "__main__":
    asyncio.run(main())
