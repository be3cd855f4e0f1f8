#!/usr/bin/python3
"""Unit tests of scripts/syscall_exits.py's analysis, on made-up disassembly.

Each case is a few pieces of code written as objdump prints them
(-M no-aliases), and the registers the first piece may leave dirty where it
returns: what a handler's exit would have to zero. The analysis must never
find fewer than the code can leave (a kernel value would reach user mode);
these cases pin down each rule it relies on, and that it is no coarser than
needed where the kernel depends on it (a scrubbed cold call, a call that
never returns).
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "..", "scripts"))
import syscall_exits as se  # noqa: E402

SCRATCH = se.SCRATCH["void"]


def render(*pieces):
    """objdump text for [(name, [instruction, ...]), ...]: an operand @name
    is the address of that piece, @name+N N bytes into it."""
    addrs, addr = {}, 0x80001000
    for name, insns in pieces:
        addrs[name] = addr
        addr += sum(2 if i.startswith("c.") else 4 for i in insns)

    def resolve(op):
        if not op.startswith("@"):
            return op
        name, _, off = op[1:].partition("+")
        a = addrs[name] + int(off or 0)
        return f"{a:x} <{name}{'+' + hex(int(off)) if off else ''}>"

    lines = []
    for name, insns in pieces:
        addr = addrs[name]
        lines += ["", f"{addr:08x} <{name}>:"]
        for insn in insns:
            mnem, _, ops = insn.partition(" ")
            ops = ",".join(resolve(o) for o in ops.split(",")) if ops else ""
            lines.append(f"{addr:8x}:\t{mnem}\t{ops}")
            addr += 2 if mnem.startswith("c.") else 4
    return "\n".join(lines)


def dirty(*pieces):
    """The scratch registers the first piece may leave dirty, by name."""
    image = se.Image(se.parse(render(*pieces)))
    first = image.pieces[0]
    image.analyse([first])
    return se.names_of(first.gen & SCRATCH)


def everything():
    return se.names_of(SCRATCH)


class Writes(unittest.TestCase):
    def test_own_writes(self):
        self.assertEqual(dirty(("h", ["c.li a5,3", "lw a4,0(a0)", "c.jr ra"])), ["a4", "a5"])

    def test_zero_is_clean(self):
        self.assertEqual(dirty(("h", ["c.li a5,3", "c.li a5,0", "c.jr ra"])), [])

    def test_stores_and_branches_write_nothing(self):
        self.assertEqual(dirty(("h", ["sw a5,0(a0)", "bne a0,a1,@h+8", "c.jr ra"])), [])

    def test_a_path_that_writes_counts(self):
        # Zeroed on the fall-through path only: the branch's path keeps a5.
        self.assertEqual(dirty(("h", ["c.li a5,3", "c.beqz a0,@h+6", "c.li a5,0",
                                      "c.jr ra"])), ["a5"])

    def test_loop_reaches_a_fixed_point(self):
        self.assertEqual(dirty(("h", ["c.li a4,0", "c.addi a4,1", "bne a4,a1,@h+2",
                                      "c.jr ra"])), ["a4"])


class Calls(unittest.TestCase):
    def test_callee_writes_count(self):
        self.assertEqual(dirty(("h", ["jal ra,@f", "c.jr ra"]),
                               ("f", ["c.li t3,7", "c.jr ra"])), ["t3"])

    def test_callee_passes_earlier_writes_through(self):
        self.assertEqual(dirty(("h", ["c.li a3,1", "jal ra,@f", "c.jr ra"]),
                               ("f", ["c.jr ra"])), ["a3"])

    def test_callee_that_zeroes_on_every_path_cleans(self):
        self.assertEqual(dirty(("h", ["c.li a3,1", "jal ra,@f", "c.jr ra"]),
                               ("f", ["c.li a3,0", "c.jr ra"])), [])

    def test_tail_call(self):
        self.assertEqual(dirty(("h", ["c.li a2,1", "c.j @f"]),
                               ("f", ["c.li t5,1", "c.jr ra"])), ["a2", "t5"])

    def test_falling_into_the_next_piece(self):
        self.assertEqual(dirty(("h", ["c.li a2,1"]),
                               ("next", ["c.li t4,1", "c.jr ra"])), ["a2", "t4"])

    def test_recursion_reaches_a_fixed_point(self):
        self.assertEqual(dirty(("h", ["c.li a1,1", "c.beqz a0,@h+8", "jal ra,@g", "c.jr ra"]),
                               ("g", ["c.li a2,1", "jal ra,@h", "c.jr ra"])), ["a1", "a2"])

    def test_call_into_its_own_piece_is_not_followed(self):
        self.assertEqual(dirty(("h", ["c.li a1,1", "c.beqz a0,@h+8", "jal ra,@h",
                                      "c.jr ra"])), everything())


class NeverReturns(unittest.TestCase):
    def test_what_a_call_that_never_returns_writes_is_not_seen(self):
        self.assertEqual(dirty(("h", ["c.beqz a0,@h+6", "jal ra,@oops", "c.jr ra"]),
                               ("oops", ["jal ra,@report", "c.j @oops+4"]),
                               ("report", ["c.jalr a5", "c.jr ra"])), [])

    def test_a_call_at_the_end_falls_through_unless_it_never_returns(self):
        # No loop after the call: if report returned, oops would run on
        # into the next piece, so oops may return, with all report wrote.
        self.assertEqual(dirty(("h", ["c.beqz a0,@h+6", "jal ra,@oops", "c.jr ra"]),
                               ("oops", ["jal ra,@report"]),
                               ("report", ["c.jalr a5", "c.jr ra"]),
                               ("next", ["c.jr ra"])), everything())


class Opaque(unittest.TestCase):
    def test_call_through_pointer(self):
        self.assertEqual(dirty(("h", ["c.jalr a5", "c.jr ra"])), everything())

    def test_jump_through_pointer(self):
        self.assertEqual(dirty(("h", ["c.jr a5"])), everything())

    def test_ecall(self):
        self.assertEqual(dirty(("h", ["ecall", "c.jr ra"])), everything())

    def test_mret(self):
        self.assertEqual(dirty(("h", ["mret"])), everything())

    def test_stack_switch(self):
        self.assertEqual(dirty(("h", ["lw sp,4(a0)", "c.jr ra"])), everything())
        self.assertEqual(dirty(("h", ["c.mv sp,a0", "c.jr ra"])), everything())

    def test_stack_adjustment_is_no_switch(self):
        self.assertEqual(dirty(("h", ["c.addi16sp sp,-32", "addi sp,sp,32", "c.jr ra"])), [])

    def test_instruction_without_an_integer_destination(self):
        # Whatever objdump could not decode, or writes other registers or several.
        self.assertEqual(dirty(("h", [".insn 4,0x12345678", "c.jr ra"])), everything())
        self.assertEqual(dirty(("h", ["flw fa0,0(a0)", "c.jr ra"])), everything())

    def test_call_outside_the_code(self):
        self.assertEqual(dirty(("h", ["jal ra,0 <nowhere>", "c.jr ra"])), everything())

    def test_jump_between_instructions(self):
        self.assertEqual(dirty(("h", ["c.beqz a0,@h+3", "c.jr ra"])), everything())

    def test_call_into_the_middle_of_a_piece(self):
        # f's summary from its start would be a0 alone; from f+4, t5.
        self.assertEqual(dirty(("h", ["jal ra,@f+4", "c.jr ra"]),
                               ("f", ["c.li a0,0", "c.jr ra", "c.li t5,1", "c.jr ra"])),
                         everything())
        self.assertEqual(dirty(("h", ["c.j @f+4"]),
                               ("f", ["c.li a0,0", "c.jr ra", "c.li t5,1", "c.jr ra"])),
                         everything())

    def test_switch_in_a_callee(self):
        self.assertEqual(dirty(("h", ["jal ra,@switch", "c.jr ra"]),
                               ("switch", ["lw sp,0(a0)", "lw s0,4(sp)", "c.jr ra"])),
                         everything())

    def test_scrubbed_call_cleans_all_but_a0(self):
        scrub = ["c.addi sp,-16", "c.swsp ra,12(sp)", "c.mv t0,a0", "c.jalr t0"] + \
            [f"c.li {r},0" for r in ["t0", "t1", "t2", "t3", "t4", "t5", "t6", "a1", "a2",
                                      "a3", "a4", "a5", "a6", "a7"]] + \
            ["c.lwsp ra,12(sp)", "c.addi sp,16", "c.jr ra"]
        self.assertEqual(dirty(("h", ["c.li a4,1", "jal ra,@scrub", "c.jr ra"]),
                               ("scrub", scrub)), ["a0"])


class Exits(unittest.TestCase):
    ENTRIES = [(0x10, se.BIT["t6"]), (0x12, se.BIT["a2"]), (0x14, se.BIT["a5"])]

    def test_first_entry_zeroing_every_dirty_register(self):
        self.assertEqual(se.choose(self.ENTRIES, 0x16, se.mask(["a5"])), 0x14)
        self.assertEqual(se.choose(self.ENTRIES, 0x16, se.mask(["a2", "a5"])), 0x12)
        self.assertEqual(se.choose(self.ENTRIES, 0x16, se.mask(["t6"])), 0x10)

    def test_nothing_dirty_takes_the_tail(self):
        self.assertEqual(se.choose(self.ENTRIES, 0x16, 0), 0x16)


if __name__ == "__main__":
    unittest.main()
