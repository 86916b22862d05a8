"""emit_output_delta in pool threads: lost, unless the context is carried over."""

from concurrent.futures import ThreadPoolExecutor

from langchain.agents import create_agent
from langchain.tools import ToolRuntime, tool
from langchain_core.runnables.config import ContextThreadPoolExecutor

LINES = ["03:10 超时 3 次", "03:20 连接被拒 1 次"]


# --8<-- [start:main]
def make_tool(executor_class):
    @tool
    def summarize_logs(service: str, runtime: ToolRuntime) -> str:
        """汇总某个服务的错误日志。"""
        with executor_class(max_workers=2) as pool:
            list(pool.map(runtime.emit_output_delta, LINES))  # (1)!
        return "；".join(LINES)

    return summarize_logs


question = {"messages": [{"role": "user", "content": "支付服务夜里出了什么错？"}]}
for executor_class in (ThreadPoolExecutor, ContextThreadPoolExecutor):
    agent = create_agent(model="gpt-4o-mini", tools=[make_tool(executor_class)])
    events = [
        part["data"]["event"]
        for part in agent.stream(question, stream_mode=["tools"], version="v2")
    ]
    print(f"{executor_class.__name__}：{events}")  # (2)!
# --8<-- [end:main]
