"""Which library versions every page of this guide was executed against."""

# --8<-- [start:main]
from importlib.metadata import version

packages = ["langchain", "langchain-core", "langchain-openai", "langgraph", "openai"]
for package in packages:
    print(f"{package:<17} {version(package)}")
# --8<-- [end:main]
