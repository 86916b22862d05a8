"""_StreamingCallbackHandler is a marker; StreamMessagesHandler does the work."""

# --8<-- [start:main]
from langchain_core.callbacks import AsyncCallbackHandler
from langchain_core.tracers._streaming import _StreamingCallbackHandler
from langgraph.pregel._messages import StreamMessagesHandler


def own_methods(cls: type) -> list[str]:
    return sorted(
        name for name, value in vars(cls).items() if callable(value) and name[0] != "_"
    )


print("_StreamingCallbackHandler")
print(f"  是 Protocol：{_StreamingCallbackHandler._is_protocol}")  # (1)!
print(f"  自己定义的方法：{own_methods(_StreamingCallbackHandler)}")
has_token_hook = "on_llm_new_token" in vars(_StreamingCallbackHandler)
print(f"  有 on_llm_new_token 吗：{has_token_hook}")

print("StreamMessagesHandler")
print(f"  基类：{[base.__name__ for base in StreamMessagesHandler.__bases__]}")
is_async = issubclass(StreamMessagesHandler, AsyncCallbackHandler)
print(f"  是 AsyncCallbackHandler 吗：{is_async}")
print(f"  run_inline：{StreamMessagesHandler.run_inline}")  # (2)!
hooks = [name for name in own_methods(StreamMessagesHandler) if name.startswith("on_")]
print(f"  回调方法：{hooks}")
# --8<-- [end:main]
