"""Why flush=True: text printed with end="" otherwise arrives all at the end."""

import os
import subprocess
import sys

# --8<-- [start:main]
CHILD = """
import time
for token in ["流", "式", "输", "出"]:
    print(token, end="", flush={flush})
    time.sleep(0.1)
print()
"""


def arrivals(flush: bool) -> list[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("PYTHONUNBUFFERED", None)  # (1)!
    received = []
    with subprocess.Popen(
        [sys.executable, "-c", CHILD.format(flush=flush)],
        stdout=subprocess.PIPE,
        env=env,
    ) as child:
        while data := child.stdout.read1():  # (2)!
            received.append(data.decode())
    return received


print(f"flush=False：{arrivals(flush=False)}")
print(f"flush=True：{arrivals(flush=True)}")
# --8<-- [end:main]
