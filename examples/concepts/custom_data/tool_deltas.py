"""Tool output deltas: ToolRuntime.emit_output_delta and stream_mode="tools"."""

from langchain.agents import create_agent
from langchain.tools import ToolRuntime, tool


# --8<-- [start:main]
@tool
def summarize_logs(service: str, runtime: ToolRuntime) -> str:
    """汇总某个服务的错误日志。"""
    lines = []
    for line in ["03:10 超时 3 次", "03:20 连接被拒 1 次"]:
        lines.append(line)
        runtime.emit_output_delta(line)  # (1)!
    return "；".join(lines)


agent = create_agent(model="gpt-4o-mini", tools=[summarize_logs])
question = {"messages": [{"role": "user", "content": "支付服务夜里出了什么错？"}]}

call_ids = set()
for part in agent.stream(question, stream_mode=["tools"], version="v2"):  # (2)!
    data = part["data"]
    call_ids.add(data["tool_call_id"])
    if data["event"] == "tool-started":
        print(f"{data['event']:<18} {data['tool_name']} {data['input']}")
    elif data["event"] == "tool-output-delta":
        print(f"{data['event']:<18} {data['delta']}")
    elif data["event"] == "tool-finished":
        print(f"{data['event']:<18} {data['output'].content}")  # (3)!

print(f"这些事件所属的工具调用数：{len(call_ids)}")

updates = list(agent.stream(question, stream_mode="updates"))
print(f"只订阅 updates 时，工具照常完成：{[next(iter(u)) for u in updates]}")  # (4)!
# --8<-- [end:main]
