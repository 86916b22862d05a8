"""JsonOutputParser streams a growing dict: show each version, keep the last one."""

import asyncio

from langchain_core.output_parsers import JsonOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

model = ChatOpenAI(model="gpt-4o-mini")
prompt = ChatPromptTemplate.from_template("以 JSON 格式返回{city}的天气信息")


# --8<-- [start:main]
async def main() -> None:
    chain = prompt | model | JsonOutputParser()
    result = None
    async for partial in chain.astream({"city": "北京"}):
        print(partial)  # (1)!
        result = partial  # (2)!
    print(f"最终结果：{result}")

    patches = prompt | model | JsonOutputParser(diff=True)  # (3)!
    async for ops in patches.astream({"city": "北京"}):
        print(ops)


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
