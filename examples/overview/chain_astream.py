"""A prompt | model chain streamed asynchronously, as a complete program."""

# --8<-- [start:main]
import asyncio

from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

prompt = ChatPromptTemplate.from_template("介绍一下{topic}，两句话以内")
chain = prompt | ChatOpenAI(model="gpt-4o-mini")


async def main() -> None:
    async for chunk in chain.astream({"topic": "Python"}):  # (1)!
        print(chunk.text, end="|", flush=True)
    print()


if __name__ == "__main__":
    asyncio.run(main())  # (2)!
# --8<-- [end:main]
