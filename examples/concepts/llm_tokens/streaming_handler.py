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
print("  是 Protocol：", _StreamingCallbackHandler._is_protocol)  # (1)!
print("  自己定义的方法：", own_methods(_StreamingCallbackHandler))
print(
    "  有 on_llm_new_token 吗：", "on_llm_new_token" in vars(_StreamingCallbackHandler)
)

print("StreamMessagesHandler")
print("  基类：", [base.__name__ for base in StreamMessagesHandler.__bases__])
print(
    "  是 AsyncCallbackHandler 吗：",
    issubclass(StreamMessagesHandler, AsyncCallbackHandler),
)
print("  run_inline：", StreamMessagesHandler.run_inline)  # (2)!
print(
    "  回调方法：",
    [name for name in own_methods(StreamMessagesHandler) if name.startswith("on_")],
)
# --8<-- [end:main]
