"""What the tables say around the numbers, in each language: headers and captions.

The numbers and the code in the tables are the same in both languages; only these words differ.
"""

TEXT = {
    "en": {
        "path": "Path",
        "tokens": "Tokens",
        "runs": "Runs",
        "first": "First token",
        "total": "Total",
        "cpu_chunk": "CPU per chunk, µs",
        "cpu_chunk_name": "CPU per chunk",
        "cpu_call_name": "CPU per call",
        "unit": "{name}, {unit}",
        "unit_n": "{name}, {unit} ({n})",
        "at": "{latency}: {measure}",
        "knob_measure": "{latency}, {measure}, {n} tokens",
        "ms": "ms",
        "us": "µs",
        "s": "s",
        "streams": "Concurrent streams",
        "completed": "Completed streams",
        "throughput": "Throughput, streams/s",
        "knob": "Setting",
        "measure": "Measure",
        "default": "Default",
        "with_knob": "Changed",
        "change": "Change",
        "phase": "Phase",
        "sends": "Chunks sent",
        "late": "Late by, ms: p50 / p99 / max",
        "server_cpu": "Server CPU per chunk, µs",
        "answer": "Answer, tokens",
        "sdk_first": "Raw SDK: first token, s",
        "no_stream": "No streaming: `model.ainvoke`, s",
        "first_s": "`model.astream`: first token, s",
        "last_s": "`model.astream`: last token, s",
        "sooner": "First token sooner (×): no-streaming total ÷ streamed first token",
        "agent_first": '`agent.astream(stream_mode="messages")`: first token, s',
        "updates_first": '`agent.astream(stream_mode="updates")`: first text, s',
        "medians": "Medians of the runs, p25–p75 in parentheses.",
        "medians_only": "Medians of the runs.",
        "ratio": "×SDK: the figure divided by the raw `openai` SDK's in the same run.",
        "legend": (
            '`model` is `ChatOpenAI(model="gpt-4o-mini")`, '
            "`agent` is `create_agent(model=model, tools=[])`."
        ),
        "where": (
            "Measured on {cpus} × {cpu} ({machine}), Python {python}, langchain-openai {lco}, "
            "langgraph {lg}, openai {oai}, {date}; load average {load:.1f} at the start. "
            "Reproduce: `{make}`, then `make bench-pages`."
        ),
        "between_sentences": " ",
        "overhead": (
            "At zero latency (the fake server sends as fast as it can), what each way of "
            "streaming costs the client on top of the raw SDK: the time to first token "
            "and the CPU of a whole call for a 10-token answer (mostly fixed cost), the CPU "
            "per chunk and the total time for a 1000-token answer (mostly per-chunk cost)."
        ),
        "ttft": (
            "At a realistic latency ({ttft:g} s before the first chunk, then {delay:g} s per "
            "chunk), how long the user waits for the first words with and without "
            "streaming, by answer length. Without streaming the answer arrives only when the "
            "model has written all of it; with streaming the first token arrives long before "
            "the whole answer, and its wait grows far less than the wait without streaming."
        ),
        "concurrency": (
            "{callers} concurrent callers in one process, each streaming {length}-token answers "
            "at the realistic latency back to back: completed streams per second, time to "
            "first token (p50 and p99 over all streams), and the client CPU per chunk. "
            "`max_connections={pool}` is `model.astream` with "
            "`http_async_client=httpx2.AsyncClient(limits=httpx2.Limits(max_connections={pool}))`."
        ),
        "knobs": (
            "Settings you can change, each measured against `model.astream` with its "
            "defaults: `stream_chunk_timeout` (langchain-openai wraps every chunk in a "
            "{timeout:g} s timeout by default; `None` turns it off), `disable_streaming=True` "
            "(`astream` then makes one non-streamed call), and an HTTP pool smaller than the "
            "number of concurrent streams. Change: changed ÷ default − 1."
        ),
        "server": (
            "The fake server, in its own process, keeps a timetable (chunk k due at request + "
            "ttft + k × token delay) and reports how late it handed each chunk to the socket. "
            "At zero latency every chunk is due at once, so only its CPU cost is shown; the "
            "raw SDK client spends {sdk_cpu} µs per chunk in the same phase."
        ),
        "zero_latency": (
            "Every path at zero latency, by answer length. First token and total in ms."
        ),
        "realistic": (
            "Every path at the realistic latency ({ttft:g} s, then {delay:g} s per chunk), by "
            "answer length; one stream of each path per wave, started {spacing:g} ms apart. "
            "First token and total in s."
        ),
        "knob_timeout": "`stream_chunk_timeout=None` (default {timeout:g} s)",
        "knob_disable": "`disable_streaming=True`",
        "knob_pool": "`max_connections={pool}` (default {default}), {callers} streams",
        "zero": "zero latency",
        "real": "realistic latency",
        "concurrent": "concurrency",
        "cpu_chunk_m": "CPU per chunk, µs",
        "total_ms": "total, ms",
        "first_s_m": "first token, s",
        "total_s_m": "total, s",
        "throughput_m": "throughput, streams/s",
        "first_p50": "first token p50, s",
        "first_p99": "first token p99, s",
        "x_agent": "×no checkpointer",
        "ratio_agent": (
            "×no checkpointer: the figure divided by the same agent's without a checkpointer "
            "(the first row) in the same run."
        ),
        "durability": (
            "The agent in `messages` stream mode, without a checkpointer and with "
            "`InMemorySaver()` under each `durability` mode, with a new `thread_id` per call. "
            "At zero latency: the client CPU of a whole call and the time to first token. At "
            "the realistic latency ({ttft:g} s before the first chunk, then {delay:g} s per "
            "chunk): the time to first token and the total time. With a database instead, "
            "every write the mode waits for adds its round trip."
        ),
    },
    "zh": {
        "path": "调用方式",
        "tokens": "token 数",
        "runs": "次数",
        "first": "首 token",
        "total": "总时间",
        "cpu_chunk": "每块 CPU（µs）",
        "cpu_chunk_name": "每块 CPU",
        "cpu_call_name": "每次调用 CPU",
        "unit": "{name}（{unit}）",
        "unit_n": "{name}（{unit}，{n} 个 token）",
        "at": "{latency}：{measure}",
        "knob_measure": "{latency}下的{measure}，{n} 个 token",
        "ms": "ms",
        "us": "µs",
        "s": "s",
        "streams": "并发流数",
        "completed": "完成的流",
        "throughput": "吞吐（流/秒）",
        "knob": "设置",
        "measure": "指标",
        "default": "默认",
        "with_knob": "改设置后",
        "change": "变化",
        "phase": "阶段",
        "sends": "发出的块",
        "late": "迟到（ms）：p50 / p99 / 最大",
        "server_cpu": "服务器每块 CPU（µs）",
        "answer": "回答长度（token）",
        "sdk_first": "原生 SDK：首 token（s）",
        "no_stream": "非流式：`model.ainvoke`（s）",
        "first_s": "`model.astream`：首 token（s）",
        "last_s": "`model.astream`：最后一个 token（s）",
        "sooner": "首 token 提前倍数（非流式总时间 ÷ 流式首 token）",
        "agent_first": '`agent.astream(stream_mode="messages")`：首 token（s）',
        "updates_first": '`agent.astream(stream_mode="updates")`：首次得到文字（s）',
        "medians": "取各次运行的中位数，括号内为 p25–p75。",
        "medians_only": "取各次运行的中位数。",
        "ratio": "×SDK：该数值除以同一次运行中原生 `openai` SDK 的数值。",
        "legend": (
            '`model` 即 `ChatOpenAI(model="gpt-4o-mini")`，'
            "`agent` 即 `create_agent(model=model, tools=[])`。"
        ),
        "where": (
            "测量环境：{cpus} × {cpu}（{machine}），Python {python}，langchain-openai {lco}，"
            "langgraph {lg}，openai {oai}，{date}；开始时负载均值 {load:.1f}。"
            "复现：`{make}`，然后 `make bench-pages`。"
        ),
        "between_sentences": "",
        "overhead": (
            "零延迟下（假服务器尽快发送），每种流式写法在原生 SDK 之上给客户端增加的开销："
            "10 个 token 的回答看首 token 的时间和整次调用的 CPU（主要是固定开销），"
            "1000 个 token 的回答看每块 CPU 和总时间（主要是每块的开销）。"
        ),
        "ttft": (
            "真实延迟下（首块前 {ttft:g} 秒，之后每块 {delay:g} 秒），按回答长度比较用户"
            "等到第一批文字的时间：不用流式输出时，要等模型写完整个回答才能收到；"
            "用流式输出时，首 token 远早于完整回答到达，等待时间的增长也远小于非流式。"
        ),
        "concurrency": (
            "同一进程中 {callers} 个并发调用方，各自在真实延迟下连续流式获取 {length} 个 token 的"
            "回答：每秒完成的流数、首 token 延迟（所有流的 p50 与 p99）和客户端每块 CPU。"
            "`max_connections={pool}` 即带 "
            "`http_async_client=httpx2.AsyncClient(limits=httpx2.Limits(max_connections={pool}))`"
            " 的 `model.astream`。"
        ),
        "knobs": (
            "可以调整的设置，各自与默认设置的 `model.astream` 对比：`stream_chunk_timeout`"
            "（langchain-openai 默认为每个块设置 {timeout:g} 秒超时，设为 `None` 即关闭）、"
            "`disable_streaming=True`（`astream` 改为一次非流式调用），以及比并发流数小的 "
            "HTTP 连接池。变化 = 改设置后 ÷ 默认 − 1。"
        ),
        "server": (
            "假服务器在独立进程中按时间表发送（第 k 块应在请求 + ttft + k × 块间隔时发出），"
            "并报告每块交给套接字时迟到多久。零延迟下所有块都“立即到期”，因此只给出其 CPU "
            "开销；同一阶段原生 SDK 客户端每块花 {sdk_cpu} µs。"
        ),
        "zero_latency": "零延迟下的全部调用方式，按回答长度。首 token 与总时间的单位为 ms。",
        "realistic": (
            "真实延迟下（{ttft:g} 秒，之后每块 {delay:g} 秒）的全部调用方式，按回答长度；"
            "每一波中每种方式各一个流，相隔 {spacing:g} ms 启动。首 token 与总时间的单位为秒。"
        ),
        "knob_timeout": "`stream_chunk_timeout=None`（默认 {timeout:g} 秒）",
        "knob_disable": "`disable_streaming=True`",
        "knob_pool": "`max_connections={pool}`（默认 {default}），{callers} 个流",
        "zero": "零延迟",
        "real": "真实延迟",
        "concurrent": "并发",
        "cpu_chunk_m": "每块 CPU（µs）",
        "total_ms": "总时间（ms）",
        "first_s_m": "首 token（s）",
        "total_s_m": "总时间（s）",
        "throughput_m": "吞吐（流/秒）",
        "first_p50": "首 token p50（s）",
        "first_p99": "首 token p99（s）",
        "x_agent": "×无 checkpointer",
        "ratio_agent": (
            "×无 checkpointer：该数值除以同一次运行中不带 checkpointer 的同一 Agent"
            "（第一行）的数值。"
        ),
        "durability": (
            "以 `messages` 流模式调用 Agent：不带 checkpointer，以及带 `InMemorySaver()` "
            "并分别使用三种 `durability` 模式，每次调用用新的 `thread_id`。零延迟下看整次调用的"
            "客户端 CPU 和首 token 延迟，真实延迟下（首块前 {ttft:g} 秒，之后每块 {delay:g} 秒）"
            "看首 token 延迟和总时间。"
            "换成数据库时，该模式要等待的每一次写入都会再加上一次往返时间。"
        ),
    },
}
