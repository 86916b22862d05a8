"""Save a stream to a file as it arrives: write, flush, fsync."""

import asyncio
import os
import tempfile
from pathlib import Path

from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

chain = ChatPromptTemplate.from_template("写一首关于{topic}的四行短诗") | ChatOpenAI(
    model="gpt-4o-mini"
)


# --8<-- [start:main]
async def save_stream(path: Path, flush: bool) -> list[int]:
    sizes = []  # (1)!
    with path.open("w", encoding="utf-8") as f:
        async for chunk in chain.astream({"topic": "大海"}):
            if chunk.text:
                f.write(chunk.text)
                if flush:
                    f.flush()  # (2)!
                if "\n" in chunk.text:
                    sizes.append(os.fstat(f.fileno()).st_size)
        f.flush()
        os.fsync(f.fileno())  # (3)!
    return sizes


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:  # (4)!
        path = Path(tmp) / "output.txt"
        sizes = await save_stream(path, flush=False)
        print(f"不 flush：{sizes}")
        sizes = await save_stream(path, flush=True)
        print(f"flush：{sizes}")
        print(path.read_text(encoding="utf-8"))


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
