"""A common JSON streaming loop: concatenating cumulative dicts gives garbage."""

import asyncio

from langchain_core.output_parsers import JsonOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI
from pydantic import BaseModel


class WeatherInfo(BaseModel):
    city: str
    temperature: int
    condition: str


model = ChatOpenAI(model="gpt-4o-mini")
parser = JsonOutputParser(pydantic_object=WeatherInfo)
prompt = ChatPromptTemplate.from_template("以 JSON 格式返回{city}的天气信息")
chain = prompt | model | parser


async def main() -> None:
    # --8<-- [start:main]
    json_buffer = ""

    async for chunk in chain.astream({"city": "北京"}):
        json_buffer += str(chunk)  # (1)!
        print(chunk, end="", flush=True)

    print(f"\n解析结果: {json_buffer}")
    # --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
