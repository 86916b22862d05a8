"""Streaming a Pydantic schema warns on stderr, harmlessly; one filter quiets it."""

import warnings

from langchain_openai import ChatOpenAI
from pydantic import BaseModel


# --8<-- [start:main]
class Weather(BaseModel):
    city: str
    temperature: int
    condition: str


structured = ChatOpenAI(model="gpt-4o-mini").with_structured_output(Weather)
prompt = "以 JSON 格式返回北京的天气信息"

SERIALIZER_WARNING = (  # (1)!
    r"Pydantic serializer warnings:\s+"
    r"PydanticSerializationUnexpectedValue\(Expected `none`.*field_name='parsed'"
)


def show(call: str, quiet: bool = False) -> None:
    with warnings.catch_warnings(record=True) as caught:  # (2)!
        warnings.simplefilter("always")
        if quiet:
            warnings.filterwarnings(  # (3)!
                "ignore", message=SERIALIZER_WARNING, category=UserWarning
            )
        if call == "stream":
            result = list(structured.stream(prompt))[-1]
        else:
            result = structured.invoke(prompt)
    print(f"{call}{'（过滤后）' if quiet else ''}：{result!r}，{len(caught)} 条警告")
    for warning in caught:
        print("   ", str(warning.message).splitlines()[1].split(" - ")[0].strip(), "…")


show("stream")
show("invoke")
show("stream", quiet=True)
# --8<-- [end:main]
