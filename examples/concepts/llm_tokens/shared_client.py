"""langchain-openai caches its async HTTP client: all ChatOpenAI share it."""

# --8<-- [start:main]
from langchain_openai import ChatOpenAI

first = ChatOpenAI(model="gpt-4o-mini")
second = ChatOpenAI(model="gpt-4o-mini", temperature=0.2)

shared = first.root_async_client._client is second.root_async_client._client  # (1)!
print(f"两个 ChatOpenAI 共用同一个异步 HTTP 客户端：{shared}")
client = type(first.root_async_client._client)
print(f"客户端类型：{client.__module__}.{client.__qualname__}")
# --8<-- [end:main]
