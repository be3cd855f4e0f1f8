#!/usr/bin/python3
"""Choose each nonblocking system call's exit in a linked RISC-V image.

A system call must not hand a kernel value back to user mode in a scratch
register. The trap's fast path (arch/riscv/core/isr.S) saves none of them, so
on the way out it zeroes every one its handler may have left written. The
handler returns to the address next to it in z_syscall_nonblocking_table: at
link time the start of an exit that zeroes all of them (one for calls with a
result, one for void calls, which zero a0 too), a safe default. This script
reads the linked code, works out which scratch registers each handler can
leave holding something other than 0 when it returns, and moves its exit
further into the same sequence, past the zeroing of registers the handler
always leaves clean: the exits zero the registers in a fixed order, those
code writes least first, so each entry point zeroes a suffix of them.

The code is objdump's disassembly of the whole image, cut into pieces at
every symbol. For each piece reachable from a handler, a data flow over its
instructions finds the registers that may be "dirty" (written with a value
other than 0) where it returns:
  - an instruction's destination becomes dirty, unless the instruction
    writes 0 (li r, 0), which makes it clean;
  - a call applies the callee's summary: what it may leave dirty, and which
    registers that were dirty before may still be after it (what it does not
    overwrite on every path); a branch or jump out of the piece (a tail
    call), or falling off its end into the next piece, does the same and
    returns. A call to a piece that never returns ends the path: what runs
    on the way to z_syscall_oops(), which ends the thread, is never seen by
    user mode. A piece can return if it has a return, an indirect jump or
    an mret, or jumps, branches or falls through to one that can (computed
    to a fixed point, so that loops and recursion that never return are
    found). Summaries are computed to a fixed point too;
  - what the disassembly cannot follow makes every register dirty at that
    point: a call through a pointer, a call or jump into another piece part
    way in (its summary holds from its start), an ecall or ebreak (the trap
    may switch threads), a write of sp other than a stack adjustment (sp = sp plus an
    immediate: anything else is a switch to another stack, another thread's
    context, whose registers are another thread's); an indirect jump or an
    mret leaves with every register dirty. Zeroing afterwards cleans them
    again: arch/riscv/core/cold_call.S calls such code on cold paths and
    zeroes everything after.
Callee-saved registers are not considered: every handler is a C function,
which gives them back as it found them. The exits themselves restore sp and
tp and set t0 to the caller's return address; gp holds the image's global
pointer, which user code has too; ra is the exit's own address, shared code
that tells nothing.

The table's contents decide no code, so the script rewrites its words in the
image in place, after the link: nothing moves. Run twice, it finds the same
exits. Without it every call takes the full exit.

Usage: syscall_exits.py --objdump OBJDUMP --readelf READELF IMAGE.elf
       syscall_exits.py --objdump OBJDUMP --readelf READELF --list IMAGE.elf
"""

import argparse
import re
import struct
import sys

from elf_read import run, sections, symbols

TABLE = "z_syscall_nonblocking_table"
EXITS = {"value": "z_riscv_syscall_exit_value", "void": "z_riscv_syscall_exit_void"}

NAMES = (["zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1"] +
         [f"a{i}" for i in range(8)] + [f"s{i}" for i in range(2, 12)] +
         [f"t{i}" for i in range(3, 7)])
BIT = {name: 1 << i for i, name in enumerate(NAMES)}
BIT["fp"] = BIT["s0"]
ALL = (1 << len(NAMES)) - 1 - BIT["zero"]


def mask(names):
    m = 0
    for n in names:
        m |= BIT[n]
    return m


def names_of(m):
    return sorted(n for n in NAMES if BIT[n] & m)


# The scratch registers an exit must zero where dirty: a1-a7, t1-t6, and for
# a void call a0 too (a call with a result returns it in a0).
SCRATCH = {"value": mask([f"a{i}" for i in range(1, 8)] + [f"t{i}" for i in range(1, 7)])}
SCRATCH["void"] = SCRATCH["value"] | BIT["a0"]

# Instructions that write no integer register (and are not calls).
NO_RD = {"sb", "sh", "sw", "c.sw", "c.swsp", "fsw", "fsd", "c.fsw", "c.fswsp", "c.fsd",
         "c.fsdsp", "fence", "fence.i", "fence.tso", "wfi", "c.nop", "unimp", "c.unimp",
         "sfence.vma", "pause"}
BRANCHES = {"beq", "bne", "blt", "bge", "bltu", "bgeu", "c.beqz", "c.bnez"}
TRAPS = {"ecall", "ebreak", "c.ebreak"}
LEAVES = {"mret", "sret", "uret", "dret"}
# Stack adjustments: sp stays this thread's stack.
SP_ADJUST = {"addi", "c.addi", "c.addi16sp"}

HEADER_RE = re.compile(r"^([0-9a-f]+) <(.+)>:$")
INSN_RE = re.compile(r"^\s*([0-9a-f]+):\s+(\S+)\s*(.*)$")
TARGET_RE = re.compile(r"\b([0-9a-f]+) <")

# What an instruction does to control, after decode().
NEXT, CALL, ICALL, JUMP, BRANCH, RET, IJUMP, LEAVE = range(8)


class Insn:
    def __init__(self, addr, mnem, ops):
        self.addr = addr
        self.mnem = mnem
        self.flow = NEXT
        self.target = None        # CALL, JUMP, BRANCH: the address
        self.gen = 0              # registers it makes dirty
        self.clean = 0            # registers it sets to 0
        self.dirty_all = False    # everything is dirty after it
        decode(self, operands(ops), ops)


class Piece:
    """The code from one symbol to the next."""

    def __init__(self, name, start):
        self.name = name
        self.start = start
        self.end = start
        self.insns = []
        self.gen = 0              # summary: may be dirty where it returns ...
        self.passes = 0           # ... and dirty before it, may still be
        self.can_return = False


def operands(text):
    return [o.strip() for o in text.split("#")[0].split(",") if o.strip()]


def decode(i, args, ops):
    """What instruction @i does to registers and control."""
    m = i.mnem
    if m in TRAPS:
        i.dirty_all = True
    elif m in LEAVES:
        i.flow = LEAVE
    elif m in ("jal", "c.jal", "c.j"):
        hit = TARGET_RE.search(ops)
        i.target = int(hit.group(1), 16) if hit else None
        link = "ra" if m == "c.jal" else ("zero" if m == "c.j" else args[0])
        if link == "zero":
            i.flow = JUMP
        else:
            i.flow = CALL
            i.gen = BIT[link]
    elif m in ("jalr", "c.jr", "c.jalr"):
        link, base = (args[0], args[1]) if m == "jalr" else \
            ("ra" if m == "c.jalr" else "zero", args[0])
        if link == "zero":
            i.flow = RET if base in ("0(ra)", "ra") else IJUMP
        else:
            i.flow = ICALL
            i.gen = BIT[link]
    elif m in BRANCHES:
        hit = TARGET_RE.search(ops)
        i.flow = BRANCH
        i.target = int(hit.group(1), 16)
    elif m in NO_RD:
        pass
    elif not args or args[0] not in BIT:
        i.dirty_all = True        # not an instruction this script knows: anything
    elif args[0] == "zero":
        pass
    elif (m == "c.li" and args[1] == "0") or (m == "addi" and args[1:] == ["zero", "0"]):
        i.clean = BIT[args[0]]
    elif args[0] == "sp" and not (m in SP_ADJUST and (len(args) < 3 or args[1] == "sp")):
        i.dirty_all = True        # another stack: another thread's registers
    else:
        i.gen = BIT[args[0]]


def disassemble(objdump, elf):
    """The image's code as pieces, in address order."""
    return parse(run(objdump, "-d", "-M", "no-aliases", "--no-show-raw-insn", elf))


def parse(text):
    """Pieces from objdump's text (-M no-aliases --no-show-raw-insn)."""
    pieces = []
    cur = None
    for line in text.splitlines():
        m = HEADER_RE.match(line)
        if m:
            cur = Piece(m.group(2), int(m.group(1), 16))
            pieces.append(cur)
            continue
        m = INSN_RE.match(line)
        if not m or cur is None:
            continue
        insn = Insn(int(m.group(1), 16), m.group(2), m.group(3))
        cur.insns.append(insn)
        cur.end = insn.addr + 1
    return pieces


class Image:
    def __init__(self, pieces):
        self.pieces = [p for p in pieces if p.insns]
        self.starts = [p.start for p in self.pieces]
        for n, p in enumerate(self.pieces):
            p.next = self.pieces[n + 1] if n + 1 < len(self.pieces) else None
            p.index = {insn.addr: k for k, insn in enumerate(p.insns)}

    def piece_at(self, addr):
        """The piece holding @addr, or None outside the code."""
        if addr is None or not self.starts or addr < self.starts[0]:
            return None
        lo, hi = 0, len(self.pieces) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= addr:
                lo = mid
            else:
                hi = mid - 1
        p = self.pieces[lo]
        return p if addr < p.end else None

    def entry(self, addr):
        """The piece that starts at @addr, or None: control entering a piece
        part way in is not followed (its summary holds from its start)."""
        q = self.piece_at(addr)
        return q if q is not None and q.start == addr else None

    def exits(self, p):
        """The pieces @p hands control to: calls, tail calls, the next piece."""
        out = set()
        for insn in p.insns:
            if insn.flow in (CALL, JUMP, BRANCH) and not p.start <= (insn.target or -1) < p.end:
                out.add(self.piece_at(insn.target))
        if p.insns[-1].flow not in (JUMP, RET, IJUMP, LEAVE):
            out.add(p.next)
        return out

    def reachable(self, roots):
        seen, todo = set(), list(roots)
        while todo:
            p = todo.pop()
            if p is None or p in seen:
                continue
            seen.add(p)
            todo += self.exits(p)
        return seen

    def analyse(self, roots):
        """Summaries of @roots and every piece they can reach."""
        ps = self.reachable(roots)
        self.returns(ps)
        self.summarise(ps)

    def returns(self, ps):
        """Least fixed point of "can return" over @ps."""
        changed = True
        while changed:
            changed = False
            for p in ps:
                if not p.can_return and self.flow(p, 0)[1]:
                    p.can_return = True
                    changed = True

    def summarise(self, ps):
        """Least fixed point of the summaries over @ps."""
        changed = True
        while changed:
            changed = False
            for p in ps:
                gen = self.flow(p, 0)[0]
                passes = self.flow(p, ALL)[0]
                if (gen, passes) != (p.gen, p.passes):
                    p.gen, p.passes = gen | p.gen, passes | p.passes
                    changed = True

    def apply(self, q, dirty):
        """Dirty registers after control passes through piece @q and returns."""
        if q is None:
            return ALL
        return q.gen | (dirty & q.passes)

    def flow(self, p, entry):
        """Data flow through @p from dirty registers @entry: the registers
        that may be dirty where it returns, and whether any path returns."""
        state = {0: entry}
        todo = [0]
        out, returns = 0, False
        while todo:
            k = todo.pop()
            d = state[k]
            insn = p.insns[k]
            succ = []
            if insn.dirty_all:
                d = ALL
            d = (d | insn.gen) & ~insn.clean
            f = insn.flow
            inside = insn.target is not None and p.start <= insn.target < p.end
            if f in (NEXT, ICALL, BRANCH, CALL):
                if f == ICALL:
                    d = ALL
                if f == CALL and inside:
                    d = ALL                    # a call into its own piece: not followed
                elif f == CALL:
                    q = self.entry(insn.target)
                    if q is not None and not q.can_return:
                        continue              # never comes back
                    d = self.apply(q, d) | insn.gen
                succ.append(k + 1)
            if f in (BRANCH, JUMP):
                if inside:
                    succ.append(p.index.get(insn.target))
                else:                          # a tail call
                    q = self.entry(insn.target)
                    if q is None or q.can_return:
                        out |= self.apply(q, d)
                        returns = True
            if f == RET:
                out |= d
                returns = True
            if f in (IJUMP, LEAVE):
                out |= ALL
                returns = True
            for s in succ:
                if s is None:
                    out |= ALL                # a jump between instructions
                    returns = True
                elif s == len(p.insns):      # off the end, into the next piece
                    if p.next is None or p.next.can_return:
                        out |= self.apply(p.next, d)
                        returns = True
                elif s not in state or (state[s] | d) != state[s]:
                    state[s] = state.get(s, 0) | d
                    todo.append(s)
        return out, returns


def sled(image, name, addr):
    """The zeroing instructions of exit @name at @addr, in order, [(address,
    register bit)], and the address right after them, where nothing is left
    to zero. (Found by the symbol's address: objdump names a piece after one
    of the symbols at its address, not necessarily this one.)"""
    piece = image.piece_at(addr)
    if piece is None or addr not in piece.index:
        raise SystemExit(f"syscall_exits.py: no code at {name}")
    entries = []
    for insn in piece.insns[piece.index[addr]:]:
        if not insn.clean:
            return entries, insn.addr
        entries.append((insn.addr, insn.clean))
    raise SystemExit(f"syscall_exits.py: {name} does not end")


def choose(entries, tail, dirty):
    """The first entry of an exit from which every register of @dirty is zeroed."""
    return next((a for a, bit in entries if bit & dirty), tail)


def file_offset(secs, addr, size):
    for kind, start, off, length in secs.values():
        if kind == "PROGBITS" and start <= addr and addr + size <= start + length:
            return off + addr - start
    raise SystemExit(f"syscall_exits.py: {addr:#x} is in no section with contents")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--objdump", required=True)
    ap.add_argument("--readelf", required=True)
    ap.add_argument("--list", action="store_true",
                    help="print each call's handler, the registers it may leave dirty "
                         "and how many its exit zeroes; change nothing")
    ap.add_argument("elf")
    args = ap.parse_args()

    image = Image(disassemble(args.objdump, args.elf))
    syms = symbols(args.readelf, args.elf, [TABLE] + list(EXITS.values()))
    for name in [TABLE] + list(EXITS.values()):
        if name not in syms:
            raise SystemExit(f"syscall_exits.py: no {name} in the image")
    exits = {}
    for kind, name in EXITS.items():
        entries, tail = sled(image, name, syms[name][0])
        zeroed = 0
        for _, bit in entries:
            zeroed |= bit
        if zeroed != SCRATCH[kind] or len(entries) != bin(zeroed).count("1"):
            raise SystemExit(f"syscall_exits.py: {EXITS[kind]} zeroes {names_of(zeroed)}, "
                             f"not {names_of(SCRATCH[kind])} once each")
        exits[kind] = (entries, tail)

    addr, size = syms[TABLE]
    offset = file_offset(sections(args.readelf, args.elf), addr, size)
    with open(args.elf, "rb") as f:
        f.seek(offset)
        words = list(struct.unpack(f"<{size // 4}I", f.read(size)))
    calls = len(words) // 2
    image.analyse([image.piece_at(words[2 * n]) for n in range(calls)])

    light = 0
    for n in range(calls):
        handler, current = words[2 * n], words[2 * n + 1]
        kind = next((k for k, (e, tail) in exits.items() if e[0][0] <= current <= tail), None)
        if kind is None:
            raise SystemExit(f"syscall_exits.py: call {n} returns to {current:#x}, no exit")
        entries, tail = exits[kind]
        p = image.entry(handler)
        dirty = (p.gen if p is not None else ALL) & SCRATCH[kind]
        if kind == "void":
            dirty |= BIT["a0"]        # a void call returns 0, whatever the handler did
        chosen = choose(entries, tail, dirty)
        words[2 * n + 1] = chosen
        light += chosen != entries[0][0]
        if args.list:
            name = p.name if p is not None else f"{handler:#x}"
            left = sum(1 for a, _ in entries if a >= chosen)
            print(f"{n:3} {name:40} {kind:5} zeroes {left:2}: "
                  f"{' '.join(names_of(dirty)) or '-'}")
    if args.list:
        print(f"{light} of {calls} nonblocking calls skip some zeroing")
        return 0
    with open(args.elf, "r+b") as f:
        f.seek(offset)
        f.write(struct.pack(f"<{len(words)}I", *words))
    return 0


if __name__ == "__main__":
    sys.exit(main())
