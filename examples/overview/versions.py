"""Which library versions every page of this guide was executed against."""

# --8<-- [start:main]
from importlib.metadata import version

for package in ("langchain", "langchain-core", "langchain-openai", "langgraph", "openai"):
    print(f"{package:<17} {version(package)}")
# --8<-- [end:main]
