"""Sync stream, timeout= raises OpenAITimeoutError, no ModelConnectionError."""

import openai
from langchain_core.exceptions import ModelConnectionError, ModelTimeoutError
from langchain_openai import ChatOpenAI

# --8<-- [start:main]
model = ChatOpenAI(model="gpt-4o-mini", timeout=1.0)  # (1)!
model.invoke("你好")  # (2)!

received = ""
try:
    for chunk in model.stream("写一段灵隐寺的导游词"):
        received += chunk.text
except ModelTimeoutError as exc:  # (3)!
    print(f"{type(exc).__module__}.{type(exc).__qualname__}: {exc}")
    print(f"  已收到：{received}")
    is_connection = isinstance(exc, openai.APIConnectionError)
    print(f"  是 openai.APIConnectionError：{is_connection}")
    print(f"  是 ModelConnectionError：{isinstance(exc, ModelConnectionError)}")  # (4)!
    print(f"  是内置 TimeoutError：{isinstance(exc, TimeoutError)}")
# --8<-- [end:main]
