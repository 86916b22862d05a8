"""chunk_position has one value, "last"; "first" and "middle" fail validation."""

from langchain_core.messages import AIMessageChunk
from pydantic import ValidationError

# --8<-- [start:main]
print(AIMessageChunk.model_fields["chunk_position"].annotation)  # (1)!

for position in ("first", "middle", "last"):
    try:
        AIMessageChunk(content="Hello", chunk_position=position)
        print(f"{position!r}：通过")
    except ValidationError as exc:
        print(f"{position!r}：{exc.errors()[0]['msg']}")
# --8<-- [end:main]
