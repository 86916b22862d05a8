"""Assert the shape of every mode's items, v1 and v2.

An upgrade that changes a shape makes this program fail.
"""

from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.config import get_stream_writer


@tool
def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    get_stream_writer()({"stage": "lookup", "message": f"正在查询{city}的天气"})
    return f"{city}：晴，23°C，微风"


agent = create_agent(
    model="gpt-4o-mini", tools=[get_weather], checkpointer=InMemorySaver()
)
question = {"messages": [{"role": "user", "content": "杭州今天适合出门吗？"}]}
EXPECTED = {  # (1)!
    "values": ("dict", "data, interrupts, ns, type"),
    "updates": ("dict", "data, ns, type"),
    "messages": ("tuple[2]", "data, ns, type"),
    "custom": ("dict", "data, ns, type"),
    "checkpoints": ("dict", "data, ns, type"),
    "tasks": ("dict", "data, ns, type"),
    "debug": ("dict", "data, ns, type"),
}


def run(thread: str, **options) -> list:
    config = {"configurable": {"thread_id": thread}}
    return list(agent.stream(question, config, **options))


def describe(item) -> str:
    if isinstance(item, tuple):
        return f"tuple[{len(item)}]"
    return type(item).__name__


for mode, (shape, keys) in EXPECTED.items():
    v1 = run(f"v1-{mode}", stream_mode=mode)
    v2 = run(f"v2-{mode}", stream_mode=mode, version="v2")
    assert {describe(item) for item in v1} == {shape}, mode
    assert {", ".join(sorted(part)) for part in v2} == {keys}, mode
    assert all(part["type"] == mode and part["ns"] == () for part in v2), mode
    print(f"{mode:<11} v1 {len(v1):>2} 项：{shape:<8}  v2 {len(v2):>2} 项：{{{keys}}}")

pair = run("v1-list", stream_mode=["updates", "custom"])  # (2)!
assert all(isinstance(item, tuple) and len(item) == 2 for item in pair)
nested = run("v1-sub", stream_mode="updates", subgraphs=True)
assert all(isinstance(item, tuple) and item[0] == () for item in nested)
both = run("v1-both", stream_mode=["updates", "custom"], subgraphs=True)
assert all(isinstance(item, tuple) and len(item) == 3 for item in both)
print("模式列表 → (模式, 数据)；subgraphs=True → (命名空间, 数据)")
print("两者同时用 → (命名空间, 模式, 数据)：全部符合")
