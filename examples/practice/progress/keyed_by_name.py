"""Don't: progress keyed by tool name; two parallel calls share one row."""

import asyncio
from typing import Literal

from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.config import get_stream_writer

ZONES = {
    "上海仓": {"A 区": 120, "B 区": 80, "C 区": 45},
    "杭州仓": {"A 区": 90, "B 区": 70, "C 区": 100, "D 区": 50},
}


@tool
async def count_stock(warehouse: Literal["上海仓", "杭州仓"]) -> str:
    """盘点一个仓库各个库区的库存。"""
    writer = get_stream_writer()
    zones = ZONES[warehouse]
    total = 0
    for current, count in enumerate(zones.values(), start=1):
        await asyncio.sleep(0.2)
        total += count
        writer({"tool": "count_stock", "current": current, "total": len(zones)})  # (1)!
    return f"{warehouse}共 {total} 件"


agent = create_agent(model="gpt-4o-mini", tools=[count_stock])
question = {"messages": [{"role": "user", "content": "盘点一下上海仓和杭州仓的库存"}]}


async def main() -> None:
    rows: dict[str, list[int]] = {}
    async for payload in agent.astream(question, stream_mode="custom"):
        rows.setdefault(payload["tool"], []).append(payload["total"])  # (2)!

    print(f"进度条只有 {len(rows)} 行，工具调用却有 2 个")
    for name, totals in rows.items():
        shown = "、".join(map(str, sorted(set(totals))))
        print(f"{name}：{len(totals)} 条进度写进了同一行，分母出现过 {shown}")
        print(f"这一行的分母依次是：{' → '.join(map(str, totals))}")


if __name__ == "__main__":
    asyncio.run(main())
