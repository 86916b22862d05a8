"""Six streams at once with asyncio.gather, then at most two at a time."""

import asyncio
import math
import time

from langchain_openai import ChatOpenAI

model = ChatOpenAI(model="gpt-4o-mini")
CITIES = ["北京", "上海", "广州", "深圳", "成都", "杭州"]


class InFlight:
    """Counts the streams open right now and the most ever open at once."""

    def __init__(self) -> None:
        self.now = 0
        self.most = 0

    def __enter__(self) -> None:
        self.now += 1
        self.most = max(self.most, self.now)

    def __exit__(self, *exc: object) -> None:
        self.now -= 1


# --8<-- [start:gather]
async def ask(city: str, in_flight: InFlight) -> str:
    with in_flight:
        text = ""
        async for chunk in model.astream(f"用一句话介绍{city}"):
            text += chunk.text
        return text


async def all_at_once() -> None:
    in_flight = InFlight()
    answers = await asyncio.gather(*(ask(city, in_flight) for city in CITIES))  # (1)!
    print("gather：同时在途的流最多", in_flight.most, "个")
    for city, answer in zip(CITIES, answers, strict=True):  # (2)!
        print(f"  {city}：{answer}")


# --8<-- [end:gather]


# --8<-- [start:semaphore]
async def at_most(limit: int) -> None:
    in_flight = InFlight()
    semaphore = asyncio.Semaphore(limit)  # (1)!

    async def bounded(city: str) -> str:
        async with semaphore:  # (2)!
            return await ask(city, in_flight)

    start = time.perf_counter()
    answers = await asyncio.gather(*(bounded(city) for city in CITIES))
    elapsed = time.perf_counter() - start
    print(f"Semaphore({limit})：同时在途的流最多", in_flight.most, "个")
    rounds = math.ceil(len(CITIES) / limit)
    enough = elapsed >= rounds * 0.3  # (3)!
    print(f"  分 {rounds} 轮完成，用时至少 {rounds} × 0.3 秒：{enough}")
    print(f"  回答顺序与提问顺序一致：{[a[:2] for a in answers] == CITIES}")


# --8<-- [end:semaphore]


async def main() -> None:
    await all_at_once()
    await at_most(2)


if __name__ == "__main__":
    asyncio.run(main())
