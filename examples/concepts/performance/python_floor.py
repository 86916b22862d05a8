"""Which Python the installed packages accept, and what 3.11 brings to asyncio."""

import asyncio
import inspect
import sys
from importlib.metadata import metadata

# --8<-- [start:main]
for package in ("langchain", "langchain-core", "langchain-openai", "langgraph"):
    print(f"{package}：Requires-Python {metadata(package)['Requires-Python']}")  # (1)!

print(f"当前 Python 不低于 3.11：{sys.version_info >= (3, 11)}")
accepts = "context" in inspect.signature(asyncio.create_task).parameters
print(f"asyncio.create_task 接受 context 参数：{accepts}")  # (2)!
# --8<-- [end:main]
