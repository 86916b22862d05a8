"""A plain function in the middle of a chain: the chain yields one item."""

# --8<-- [start:main]
from langchain_core.messages import AIMessage
from langchain_core.output_parsers import StrOutputParser
from langchain_core.runnables import RunnableLambda
from langchain_openai import ChatOpenAI

model = ChatOpenAI(model="gpt-4o-mini")


def to_text(message: AIMessage) -> str:  # (1)!
    return message.text


chain = model | RunnableLambda(to_text) | StrOutputParser()
items = list(chain.stream("用一句话介绍 Python"))
print(f"{len(items)} 项：{items}")
# --8<-- [end:main]
