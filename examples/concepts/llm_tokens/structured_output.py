"""with_structured_output: Pydantic yields one object, TypedDict yields partials."""

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

for schema in (WeatherModel, WeatherDict):
    structured = model.with_structured_output(schema)  # (1)!
    items = list(structured.stream("以 JSON 格式返回北京的天气信息"))
    print(f"{schema.__name__}：{len(items)} 项")
    for item in items:
        print("   ", repr(item))
# --8<-- [end:main]
