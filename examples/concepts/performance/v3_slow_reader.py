"""Two readers of one v3 projection: the fast one drives the graph to its end."""

import asyncio
import warnings
from typing import TypedDict

from langchain_core._api import LangChainBetaWarning
from langgraph.graph import START, StateGraph

warnings.simplefilter("ignore", LangChainBetaWarning)


class State(TypedDict):
    n: int


def step(state: State) -> dict:
    return {"n": state["n"] + 1}


builder = StateGraph(State)
previous = START
for i in range(20):
    builder.add_node(f"step_{i}", step)
    builder.add_edge(previous, f"step_{i}")
    previous = f"step_{i}"
graph = builder.compile()


async def main() -> None:
    run = await graph.astream_events({"n": 0}, version="v3")
    fast, slow = run.values.atee(2)
    fast_done = asyncio.Event()
    read_by_slow = []

    async def read_fast() -> None:
        items = [state async for state in fast]
        print(f"快的读者读完 {len(items)} 项时，慢的读者读了 {len(read_by_slow)} 项")
        fast_done.set()

    async def read_slow() -> None:
        async for state in slow:
            read_by_slow.append(state)
            await fast_done.wait()  # (1)!

    await asyncio.gather(read_fast(), read_slow())
    print(f"慢的读者随后从缓冲区读完了剩下的，共 {len(read_by_slow)} 项")


if __name__ == "__main__":
    asyncio.run(main())
