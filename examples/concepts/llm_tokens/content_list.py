"""content can be a list of content blocks; .text is always a string."""

from langchain_openai import ChatOpenAI

# --8<-- [start:main]
blocks_model = ChatOpenAI(model="gpt-4o-mini", output_version="v1")  # (1)!
for chunk in blocks_model.stream("说一句欢迎词"):
    if chunk.content:
        print(f"content={chunk.content!r}  text={chunk.text!r}")
# --8<-- [end:main]
