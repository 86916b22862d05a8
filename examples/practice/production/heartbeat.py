"""Node timeouts for a step with no model: refresh_on="heartbeat", heartbeat()."""

import asyncio
from typing import TypedDict

from langgraph.errors import NodeTimeoutError
from langgraph.graph import START, StateGraph
from langgraph.runtime import Runtime
from langgraph.types import TimeoutPolicy

POLLS = 12


class State(TypedDict):
    beat: bool
    polls: int


async def wait_for_export(state: State, runtime: Runtime) -> dict:
    polls = 0
    for _ in range(POLLS):
        await asyncio.sleep(0.1)  # (1)!
        polls += 1
        runtime.stream_writer({"已查询": polls})  # (2)!
        if state["beat"]:
            runtime.heartbeat()  # (3)!
    return {"polls": polls}


def build(policy, node=wait_for_export):
    return (
        StateGraph(State)
        .set_node_defaults(timeout=policy)  # (4)!
        .add_node("wait_for_export", node)
        .add_edge(START, "wait_for_export")
        .compile()
    )


async def run(label: str, policy, beat: bool) -> None:
    print(label)
    progress = 0
    try:
        async for mode, data in build(policy).astream(
            {"beat": beat, "polls": 0}, stream_mode=["custom", "updates"]
        ):
            if mode == "custom":
                progress += 1
            else:
                polls = data["wait_for_export"]["polls"]
                print(f"  完成：查询 {polls} 次，进度事件 {progress} 个")
    except NodeTimeoutError as exc:  # (5)!
        message = str(exc).split(" (elapsed")[0]
        print(f"  {type(exc).__name__}：{message}.")
        print(
            f"  超时种类 {exc.kind}，查询做完了：{'是' if progress == POLLS else '否'}"
        )


def sync_step(state: State) -> dict:
    return {"polls": 0}


async def main() -> None:
    await run(
        'refresh_on="auto"，只发进度事件：',
        TimeoutPolicy(idle_timeout=0.6),
        beat=False,
    )
    await run(
        'refresh_on="heartbeat"，只发进度事件：',
        TimeoutPolicy(idle_timeout=0.6, refresh_on="heartbeat"),  # (6)!
        beat=False,
    )
    await run(
        'refresh_on="heartbeat"，每次查询后 heartbeat()：',
        TimeoutPolicy(idle_timeout=0.6, refresh_on="heartbeat"),
        beat=True,
    )
    await run("timeout=0.6，每次查询后 heartbeat()：", 0.6, beat=True)  # (7)!

    print("默认时限遇上同步节点：")
    try:
        build(TimeoutPolicy(idle_timeout=0.6), node=sync_step)  # (8)!
    except ValueError as exc:
        print(f"  编译时 ValueError：{exc}")


if __name__ == "__main__":
    asyncio.run(main())
