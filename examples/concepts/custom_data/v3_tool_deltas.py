"""Event streaming (v3, beta): an agent's tool calls and their output deltas."""

import warnings

from langchain.agents import create_agent
from langchain.tools import ToolRuntime, tool
from langchain_core._api import LangChainBetaWarning

warnings.simplefilter("ignore", LangChainBetaWarning)


@tool
def summarize_logs(service: str, runtime: ToolRuntime) -> str:
    """汇总某个服务的错误日志。"""
    lines = []
    for line in ["03:10 超时 3 次", "03:20 连接被拒 1 次"]:
        lines.append(line)
        runtime.emit_output_delta(line)
    return "；".join(lines)


# --8<-- [start:main]
agent = create_agent(model="gpt-4o-mini", tools=[summarize_logs])
question = {"messages": [{"role": "user", "content": "支付服务夜里出了什么错？"}]}

stream = agent.stream_events(question, version="v3")
for call in stream.tool_calls:  # (1)!
    print(f"工具调用：{call.tool_name} {call.input}")
    for delta in call.output_deltas:  # (2)!
        print(f"  输出增量：{delta}")
    print(f"  结果：{call.output} | 已完成：{call.completed}")  # (3)!
# --8<-- [end:main]
