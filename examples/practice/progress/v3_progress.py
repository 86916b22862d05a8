"""Event streaming (v3, beta): a StreamTransformer with progress channels."""

import time
import warnings
from typing import Literal, TypedDict

from langchain.agents import create_agent
from langchain.tools import ToolRuntime, tool
from langchain_core._api import LangChainBetaWarning
from langgraph.stream import StreamChannel, StreamTransformer

warnings.simplefilter("ignore", LangChainBetaWarning)  # (1)!


class Progress(TypedDict):
    type: Literal["progress"]
    id: str
    step: str
    current: int
    total: int
    status: Literal["running", "done", "error"]
    message: str


ZONES = {
    "上海仓": {"A 区": 120, "B 区": 80, "C 区": 45},
    "杭州仓": {"A 区": 90, "B 区": 70, "C 区": 100, "D 区": 50},
}


@tool
def count_stock(warehouse: Literal["上海仓", "杭州仓"], runtime: ToolRuntime) -> str:
    """盘点一个仓库各个库区的库存。"""
    zones = ZONES[warehouse]
    total = 0
    for current, (zone, count) in enumerate(zones.items(), start=1):
        time.sleep(0.1)
        total += count
        runtime.stream_writer(
            Progress(
                type="progress",
                id=runtime.tool_call_id,
                step=f"盘点{warehouse}",
                current=current,
                total=len(zones),
                status="done" if current == len(zones) else "running",
                message=f"{zone}已盘点",
            )
        )
    return f"{warehouse}共 {total} 件"


class ProgressTransformer(StreamTransformer):
    required_stream_modes = ("custom",)  # (2)!

    def __init__(self, scope: tuple[str, ...] = ()) -> None:
        super().__init__(scope)
        self.progress = StreamChannel("progress")  # (3)!
        self.finished = StreamChannel()  # (4)!

    def init(self) -> dict:
        return {"progress": self.progress, "finished": self.finished}

    def process(self, event) -> bool:
        data = event["params"]["data"]
        if event["method"] == "custom" and data.get("type") == "progress":
            self.progress.push({**data, "ns": event["params"]["namespace"]})
            if data["status"] != "running":
                self.finished.push(data["step"])
        return True  # (5)!


question = {"messages": [{"role": "user", "content": "盘点一下上海仓和杭州仓的库存"}]}

agent = create_agent(model="gpt-4o-mini", tools=[count_stock])
stream = agent.stream_events(
    question,
    version="v3",
    transformers=[ProgressTransformer],  # (6)!
)
progress = iter(stream.extensions["progress"])  # (7)!
finished = iter(stream.extensions["finished"])
print(f"调用时注册：progress 通道 {len(list(progress))} 项")
print(f"  finished 通道：{sorted(finished)}")

agent = create_agent(
    model="gpt-4o-mini",
    tools=[count_stock],
    transformers=[ProgressTransformer],  # (8)!
)
stream = agent.stream_events(question, version="v3")
methods: dict[str, int] = {}
for event in stream:  # (9)!
    methods[event["method"]] = methods.get(event["method"], 0) + 1
custom = {m: n for m, n in methods.items() if m.startswith("custom")}
print(f"创建时注册：原始事件流里的自定义事件 {custom}")
print(f"  事后再读 finished 通道：{list(stream.extensions['finished'])}")  # (10)!
