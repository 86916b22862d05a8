"""Three streams one after another versus concurrently, in one event loop."""

import asyncio
import time

from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

chain = ChatPromptTemplate.from_template("介绍{language}") | ChatOpenAI(
    model="gpt-4o-mini"
)


# --8<-- [start:main]
async def collect(language: str) -> str:
    text = ""
    async for chunk in chain.astream({"language": language}):
        text += chunk.text
    return text


async def main() -> None:
    languages = ["Python", "JavaScript", "Go"]
    await collect("Rust")  # (1)!

    start = time.perf_counter()
    for language in languages:  # (2)!
        await collect(language)
    one_by_one = time.perf_counter() - start

    start = time.perf_counter()
    tasks = [collect(language) for language in languages]
    results = await asyncio.gather(*tasks)  # (3)!
    together = time.perf_counter() - start
    faster = "不到" if together < one_by_one * 2 / 3 else "超过"
    print(f"并发的用时{faster}依次执行的三分之二")  # (4)!
    for language, text in zip(languages, results, strict=True):
        print(f"  {language}: {text}")


if __name__ == "__main__":
    asyncio.run(main())  # (5)!
# --8<-- [end:main]
