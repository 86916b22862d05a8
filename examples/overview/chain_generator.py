"""A generator function in the middle of a chain: the chain keeps streaming."""

# --8<-- [start:main]
from collections.abc import Iterator

from langchain_core.messages import AIMessageChunk
from langchain_core.output_parsers import StrOutputParser
from langchain_openai import ChatOpenAI

model = ChatOpenAI(model="gpt-4o-mini")


def to_text(chunks: Iterator[AIMessageChunk]) -> Iterator[str]:  # (1)!
    for chunk in chunks:
        yield chunk.text


chain = model | to_text | StrOutputParser()  # (2)!
items = list(chain.stream("用一句话介绍 Python"))
print(f"{len(items)} 项：{'|'.join(items)}")
# --8<-- [end:main]
