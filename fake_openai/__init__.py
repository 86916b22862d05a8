"""A fake OpenAI server (Chat Completions and Responses) that answers from scripted replies.

Start a `FakeOpenAI`, install a `Script` with `server.scripted(script)`, unset
`OVERRIDING_ENV` and put `server.env` into the environment: the real `ChatOpenAI`
(with or without ``use_responses_api=True``) and `create_agent(model="gpt-4o-mini", ...)`
then talk to the fake server. The replies file is described in `script`, the streamed
pieces in `chunking`, token counts in `tokens`, the wire formats in `wire` and
`responses_wire`.
"""

from .chunking import pieces
from .script import Script, ScriptError
from .server import OVERRIDING_ENV, FakeOpenAI

__all__ = ["OVERRIDING_ENV", "FakeOpenAI", "Script", "ScriptError", "pieces"]
