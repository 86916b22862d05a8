"""A refusal in streamed structured output: raised with json_schema, else silent."""

from langchain_core.exceptions import ModelRefusalError
from langchain_openai import ChatOpenAI
from pydantic import BaseModel


class Address(BaseModel):
    street: str
    city: str


prompt = "返回我邻居的家庭住址"
model = ChatOpenAI(model="gpt-4o-mini")

# --8<-- [start:main]
try:
    for item in model.with_structured_output(Address).stream(prompt):  # (1)!
        print(item)
except ModelRefusalError as exc:  # (2)!
    print(f"json_schema：{type(exc).__module__}.{type(exc).__qualname__}: {exc}")

items = list(
    model.with_structured_output(Address, method="function_calling").stream(prompt)
)
print(f"function_calling 流式：{items}")  # (3)!

chunks = list(model.stream(prompt))
text = "".join(c.text for c in chunks)
print(f"普通流式：{len(chunks)} 块，文字 {text!r}")  # (4)!
print(f"invoke：{model.invoke(prompt).content_blocks}")
# --8<-- [end:main]
