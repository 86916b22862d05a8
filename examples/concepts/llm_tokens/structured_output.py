"""with_structured_output: what it yields depends on the schema and on method."""

from typing import TypedDict

from langchain_openai import ChatOpenAI
from pydantic import BaseModel


# --8<-- [start:main]
class WeatherModel(BaseModel):
    city: str
    temperature: int
    condition: str


class WeatherDict(TypedDict):
    city: str
    temperature: int
    condition: str


model = ChatOpenAI(model="gpt-4o-mini")

cases = [
    (WeatherModel, "json_schema", "以 JSON 格式返回北京的天气信息"),  # (1)!
    (WeatherDict, "json_schema", "以 JSON 格式返回北京的天气信息"),
    (WeatherModel, "function_calling", "用工具调用返回北京的天气信息"),  # (2)!
]
for schema, method, prompt in cases:
    structured = model.with_structured_output(schema, method=method)
    items = list(structured.stream(prompt))
    print(f"{schema.__name__}, method={method!r}：{len(items)} 项")
    for item in items:
        print("   ", repr(item))
# --8<-- [end:main]
