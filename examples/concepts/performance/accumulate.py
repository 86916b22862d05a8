"""Adding message chunks one by one re-parses the tool-call arguments every time."""

import time

from langchain_core.messages import AIMessageChunk


# --8<-- [start:main]
def streamed_tool_call(pieces: int) -> list[AIMessageChunk]:
    first = {"name": "write_report", "args": '{"text": "', "id": "call_1", "index": 0}
    rest = {"name": None, "args": "很长的参数", "id": None, "index": 0}
    return [AIMessageChunk(content="", tool_call_chunks=[first])] + [
        AIMessageChunk(content="", tool_call_chunks=[rest]) for _ in range(pieces)
    ]  # (1)!


def one_by_one(chunks: list[AIMessageChunk]) -> AIMessageChunk:
    message = chunks[0]
    for chunk in chunks[1:]:
        message = message + chunk  # (2)!
    return message


def all_at_once(chunks: list[AIMessageChunk]) -> AIMessageChunk:
    return chunks[0] + chunks[1:]  # (3)!


def fastest_of_three(merge, chunks: list[AIMessageChunk]) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        merge(chunks)
        times.append(time.perf_counter() - start)
    return min(times)  # (4)!


chunks = streamed_tool_call(1000)
same = one_by_one(chunks).tool_calls == all_at_once(chunks).tool_calls
print(f"两种方法得到的工具调用相同：{same}")
print(f"参数长度：{len(all_at_once(chunks).tool_calls[0]['args']['text'])} 个字符")
ratio = fastest_of_three(one_by_one, chunks) / fastest_of_three(all_at_once, chunks)
print(f"1000 块时，逐个相加比一次相加慢 5 倍以上：{ratio > 5}")
# --8<-- [end:main]
