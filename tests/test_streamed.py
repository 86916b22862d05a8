"""Whether an output is streamed comes from the script and the program, never from a clock."""

from __future__ import annotations

from fake_openai import pieces
from fake_openai.script import Reply
from guide import replay

PACED = Reply(text="杭州是浙江省会，以西湖闻名。", token_delay=0.04)
UNPACED = Reply(text=PACED.text)


def printed_as_it_came(reply: Reply, at: float) -> list[replay.Write]:
    """What `print(chunk.text, end="|", flush=True)` writes for each chunk, all at one time."""
    return [(at, text) for piece in pieces(reply.text) for text in (piece, "|")]


def test_printing_a_paced_reply_piece_by_piece_is_streamed_however_the_clock_ran():
    # All at one instant, as a starved process might print them: still streamed.
    assert replay.is_streamed(printed_as_it_came(PACED, at=0.5), [PACED])


def test_an_unpaced_reply_is_not_streamed_however_slowly_it_printed():
    writes = [(index * 0.5, text) for index, (_, text) in enumerate(printed_as_it_came(UNPACED, 0))]
    assert not replay.is_streamed(writes, [])


def test_waiting_for_a_paced_reply_and_printing_once_is_not_streamed():
    writes = [(1.2, "等首个令牌的时间，不到等完整回答的一半"), (1.2, "\n")]
    assert not replay.is_streamed(writes, [PACED])
    assert not replay.is_streamed([(1.2, PACED.text), (1.3, "\n")], [PACED])


def test_a_failure_says_what_the_run_printed_and_was_served(tmp_path):
    output = tmp_path / "x.out"
    writes = printed_as_it_came(PACED, at=0.5)
    output.write_text("".join(text for _, text in writes), encoding="utf-8")
    problem = replay.disagreement(writes, [PACED], output)
    assert problem == (
        f"{output} is streamed (it printed {len(pieces(PACED.text))} pieces of the 1 replies"
        " paced with token_delay it was served; 4 make an output streamed) but has no"
        " x.replay.json"
    )
    replay.record(writes, [PACED], output)
    assert replay.disagreement(writes, [PACED], output) is None
    assert "is not streamed" in replay.disagreement(writes, [], output)
