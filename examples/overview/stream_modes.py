"""Ask LangGraph itself which stream modes its StreamMode type lists."""

# --8<-- [start:main]
from typing import get_args

from langgraph.types import StreamMode

print(get_args(StreamMode))
print("tools" in get_args(StreamMode))
# --8<-- [end:main]
