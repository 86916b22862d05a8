"""A terminal progress display built with Rich, fed by four stream modes."""

# --8<-- [start:agent]
import sys
import time

from langchain.agents import create_agent
from langchain.tools import ToolRuntime, tool
from rich.console import Console, Group
from rich.live import Live
from rich.spinner import Spinner
from rich.table import Table
from rich.text import Text


@tool
def get_weather(city: str, runtime: ToolRuntime) -> str:
    """查询城市明天的天气。"""
    runtime.stream_writer(
        {"call": runtime.tool_call_id, "note": f"正在查询{city}的天气"}
    )  # (1)!
    time.sleep(0.3)
    return f"{city}：小雨，18°C"


@tool
def search_flights(origin: str, destination: str, runtime: ToolRuntime) -> str:
    """查询两地之间明天的航班。"""
    for airline in ["国航", "东航", "南航"]:
        time.sleep(0.2)
        runtime.stream_writer(
            {"call": runtime.tool_call_id, "note": f"已查完{airline}"}
        )
    return "最早 07:30，共 3 班"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather, search_flights])
question = {
    "messages": [{"role": "user", "content": "明天去杭州出差，帮我看看天气和航班"}]
}
# --8<-- [end:agent]


# --8<-- [start:view]
class ProgressView:
    """Agent 运行进度：一行一个步骤，下面是逐块出现的回答。"""

    def __init__(self):
        self.steps = {}  # (1)!
        self.model_task = None
        self.answer = ""

    def start(self, task):  # (2)!
        if task["name"] == "model":
            self.model_task = task["id"]
            self.steps[task["id"]] = ["模型", "思考中", False]
        elif task["name"] == "tools":
            call = task["input"][0]
            args = " ".join(str(value) for value in call["args"].values())
            self.steps[call["id"]] = [f"{call['name']} {args}", "已开始", False]

    def note(self, data):  # (3)!
        self.steps[data["call"]][1] = data["note"]

    def token(self, text):
        self.answer += text

    def finish(self, node, update):  # (4)!
        message = update["messages"][-1]
        if node == "tools":
            key, note = message.tool_call_id, message.content
        else:
            key = self.model_task
            note = (
                f"调用 {len(message.tool_calls)} 个工具"
                if message.tool_calls
                else "回答完毕"
            )
        self.steps[key][1:] = [note, True]

    def render(self):  # (5)!
        table = Table()
        table.add_column("", width=2)
        table.add_column("步骤")
        table.add_column("说明")
        for step, note, done in self.steps.values():
            table.add_row("✓" if done else Spinner("dots"), step, note)
        return Group(Text("Agent 进度"), table, Text(f"回答：{self.answer}"))


# --8<-- [end:view]


# --8<-- [start:main]
view = ProgressView()
console = Console(
    width=72, force_terminal=sys.stdout.isatty(), force_jupyter=False
)  # (1)!
modes = ["tasks", "custom", "messages", "updates"]
with Live(view.render(), console=console, refresh_per_second=12) as live:  # (2)!
    for part in agent.stream(question, stream_mode=modes, version="v2"):
        data = part["data"]
        if part["type"] == "tasks" and "input" in data:  # (3)!
            view.start(data)
        elif part["type"] == "custom":
            view.note(data)
        elif part["type"] == "messages":
            token, metadata = data
            if metadata["langgraph_node"] == "model":
                view.token(token.text)
        elif part["type"] == "updates":
            for node, update in data.items():
                view.finish(node, update)
        live.update(view.render())  # (4)!
console.print()
# --8<-- [end:main]
