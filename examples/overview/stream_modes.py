"""Ask LangGraph itself which stream modes it supports."""

# --8<-- [start:main]
from typing import get_args

from langgraph.types import StreamMode

print(get_args(StreamMode))
# --8<-- [end:main]
