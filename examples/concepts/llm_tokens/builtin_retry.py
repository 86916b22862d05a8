"""with_retry never retries a stream; with_fallbacks only before the first chunk."""

from langchain_core.exceptions import ModelConnectionError, ModelError
from langchain_openai import ChatOpenAI


def show(label: str, runnable, question: str) -> None:
    received, message = "", None
    try:
        for chunk in runnable.stream(question):
            received += chunk.text
            message = chunk if message is None else message + chunk
        print(f"{label}：{received}（{message.response_metadata['model_name']}）")
    except ModelError as exc:
        print(f"{label}：{type(exc).__name__}，已收到“{received}”")


# --8<-- [start:main]
model = ChatOpenAI(model="gpt-4o-mini", max_retries=0)
retrying = model.with_retry(  # (1)!
    retry_if_exception_type=(ModelConnectionError,), stop_after_attempt=3
)
show("with_retry + stream", retrying, "讲一个关于鸟的冷笑话")
joke = retrying.invoke("讲一个关于鱼的冷笑话").text  # (2)!
print(f"with_retry + invoke：{joke}")

backup = ChatOpenAI(model="gpt-4o", max_retries=0)
with_backup = model.with_fallbacks([backup])  # (3)!
show("with_fallbacks，流中途断开", with_backup, "讲一个关于马的冷笑话")
show("with_fallbacks，第一个块之前 500", with_backup, "讲一个关于羊的冷笑话")  # (4)!
# --8<-- [end:main]
