#!/usr/bin/python3
"""Fill the table of kernel object variables of a linked Breeze image.

Every static or global variable of a kernel object type (struct k_sem,
k_mutex, k_thread, ..., arrays of them, and objects that are members of other
structures) is found in the image's debug information (DWARF) and listed, by
address, in the section .kobj_table that the link reserved for it
(kernel/kobject_table.c). The kernel looks an address up there when a user
thread names an object that is not in its registry yet: such an object exists,
so the caller lacks permission (-EPERM, as in Zephyr), and a supervisor may
grant it before it is initialised even through an untyped pointer.

Why after the link, and in place: the addresses are final only then, and
objcopy --update-section rewrites the contents of a section whose size was
fixed at link time, so nothing moves and no second link is needed (Zephyr
links twice to build its object table). The section's size comes from
CONFIG_KOBJECT_TABLE_SIZE; a table that does not fit stops the build.

The debug information is read from binutils' readelf --debug-dump=info, a
fraction of a second per image; a Python DWARF library took seconds.

Usage: gen_kobject_table.py --readelf READELF --objcopy OBJCOPY IMAGE.elf
       gen_kobject_table.py --readelf READELF --list IMAGE.elf
"""

import argparse
import os
import re
import struct
import subprocess
import sys
import tempfile

from elf_read import run, sections, symbols

SECTION = ".kobj_table"
# struct z_kobj_table: magic, count, then count entries {address, type}.
MAGIC = 0x6B6F626A  # "kobj"
HEADER = struct.Struct("<II")
ENTRY = struct.Struct("<II")

# Object types whose struct name is not k_<name> for K_OBJ_<NAME>.
ALIASES = {"k_fifo": "K_OBJ_QUEUE", "k_lifo": "K_OBJ_QUEUE"}
# Qualifiers and names that stand for the type they refer to.
TRANSPARENT = {"DW_TAG_typedef", "DW_TAG_const_type", "DW_TAG_volatile_type",
               "DW_TAG_atomic_type", "DW_TAG_restrict_type"}

REF_RE = re.compile(r"<0x([0-9a-f]+)>")
# A fixed address, or (Rust merges statics into one symbol) an address plus an offset.
ADDR_RE = re.compile(r"^\d+ byte block: 3 [0-9a-f ]+\s+"
                     r"\(DW_OP_addr: ([0-9a-f]+)(?:; DW_OP_plus_uconst: (\d+))?\)$")
WANTED = {"DW_AT_name", "DW_AT_type", "DW_AT_location", "DW_AT_data_member_location",
          "DW_AT_upper_bound", "DW_AT_count", "DW_AT_byte_size", "DW_AT_const_value",
          "DW_AT_specification", "DW_AT_abstract_origin"}
# One pass over readelf's text for the lines parse() wants: a DIE's first line,
# or one of the WANTED attributes (the other lines, most of them, are skipped
# inside the regular expression engine, not by Python).
LINE_RE = re.compile(
    r"^\s*<(\d+)><([0-9a-f]+)>: Abbrev Number: \d+ \((DW_TAG_\w+)\)"
    r"|^\s*<[0-9a-f]+>\s+(" + "|".join(sorted(WANTED)) + r")\s*:[ \t]*(.*?)[ \t]*$",
    re.MULTILINE)


class Die:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag):
        self.tag = tag
        self.attrs = {}
        self.children = []

    def name(self):
        v = self.attrs.get("DW_AT_name")
        if v is None:
            return None
        return v.split("): ", 1)[1] if v.startswith("(indirect") else v

    def ref(self, attr):
        m = REF_RE.match(self.attrs.get(attr, ""))
        return int(m.group(1), 16) if m else None

    def number(self, attr):
        try:
            return int(self.attrs[attr], 0)
        except (KeyError, ValueError):
            return None


def parse(text):
    """All DIEs by section offset; the variables in order."""
    dies, variables, parents = {}, [], []
    die = None
    for m in LINE_RE.finditer(text):
        tag = m.group(3)
        if tag is not None:
            depth = int(m.group(1))
            die = Die(tag)
            dies[int(m.group(2), 16)] = die
            del parents[depth:]
            if parents:
                parents[-1].children.append(die)
            parents.append(die)
            if tag == "DW_TAG_variable":
                variables.append(die)
        elif die is not None:
            die.attrs[m.group(4)] = m.group(5)
    return dies, variables


class Walker:
    """Finds the kernel objects inside a variable from its type."""

    def __init__(self, dies, enum):
        self.dies = dies
        self.enum = enum
        self.cache = {}  # type DIE offset -> [(offset, type)]

    def kind(self, name):
        value = ALIASES.get(name)
        if value is None and name.startswith("k_"):
            value = "K_OBJ_" + name[2:].upper()
        return self.enum.get(value) if value is not None else None

    def strip(self, off):
        while off is not None and self.dies[off].tag in TRANSPARENT:
            off = self.dies[off].ref("DW_AT_type")
        return off

    def objects(self, off):
        """[(offset within a value of type @off, object type)]."""
        off = self.strip(off)
        if off is None:
            return []
        if off not in self.cache:
            self.cache[off] = []  # a type that contains itself holds no object through that
            self.cache[off] = self._objects(self.dies[off])
        return self.cache[off]

    def _objects(self, die):
        if die.tag == "DW_TAG_structure_type":
            name = die.name()
            otype = self.kind(name) if name is not None else None
            if otype is not None:
                return [(0, otype)]
            found = []
            for m in die.children:
                pos = m.number("DW_AT_data_member_location")
                if m.tag == "DW_TAG_member" and pos is not None:
                    found += [(pos + o, t) for o, t in self.objects(m.ref("DW_AT_type"))]
            return found
        if die.tag == "DW_TAG_array_type":
            inner = self.objects(die.ref("DW_AT_type"))
            count = self.count(die)
            if not inner or count is None:
                return []  # no objects, or a flexible array (no storage of its own)
            size = self.size(die.ref("DW_AT_type"))
            return [(i * size + o, t) for i in range(count) for o, t in inner]
        # Unions overlay their members (a pool of blocks, raw storage): none of
        # them is an object by itself. Scalars and pointers hold none.
        return []

    def count(self, array):
        n = 1
        for sub in array.children:
            if sub.tag != "DW_TAG_subrange_type":
                continue
            c = sub.number("DW_AT_count")
            if c is None:
                ub = sub.number("DW_AT_upper_bound")
                c = ub + 1 if ub is not None and ub >= 0 else None
            if c is None:
                return None
            n *= c
        return n

    def size(self, off):
        die = self.dies[self.strip(off)]
        if die.tag == "DW_TAG_array_type":
            return self.count(die) * self.size(die.ref("DW_AT_type"))
        return die.number("DW_AT_byte_size")


def variable_type(dies, die):
    for attr in ("DW_AT_type", "DW_AT_specification", "DW_AT_abstract_origin"):
        ref = die.ref(attr)
        if ref is not None:
            return ref if attr == "DW_AT_type" else variable_type(dies, dies[ref])
    return None


def collect(tool, elf):
    sym = {name: addr for name, (addr, _) in
           symbols(tool, elf, {"__data_region_start", "_end", "__app_smem_start",
                               "__app_smem_end"}).items()}
    start, end = sym["__data_region_start"], sym["_end"]
    # Objects in application partitions are never kernel objects.
    smem = (sym.get("__app_smem_start", 0), sym.get("__app_smem_end", 0))

    dies, variables = parse(run(tool, "--debug-dump=info", elf))
    enum = None
    for die in dies.values():
        if die.tag == "DW_TAG_enumeration_type" and die.name() == "k_objects":
            enum = {c.name(): c.number("DW_AT_const_value") for c in die.children}
            break
    if enum is None:
        sys.exit("gen_kobject_table: no enum k_objects in the debug information (-g?)")

    walker = Walker(dies, enum)
    found = {}
    for var in variables:
        m = ADDR_RE.match(var.attrs.get("DW_AT_location", ""))
        if m is None:
            continue
        addr = int(m.group(1), 16) + int(m.group(2) or 0)
        if not start <= addr < end or smem[0] <= addr < smem[1]:
            continue  # not in kernel RAM, or dropped by --gc-sections
        for off, otype in walker.objects(variable_type(dies, var)):
            found.setdefault(addr + off, otype)
    return sorted(found.items())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--readelf", required=True)
    ap.add_argument("--objcopy")
    ap.add_argument("--list", action="store_true", help="print the objects, change nothing")
    ap.add_argument("elf")
    args = ap.parse_args()

    entries = collect(args.readelf, args.elf)
    if args.list:
        for addr, otype in entries:
            print(f"0x{addr:08x} {otype}")
        return

    section = sections(args.readelf, args.elf).get(SECTION)
    if section is None:
        sys.exit(f"gen_kobject_table: {args.elf} has no {SECTION} section")
    size = section[3]
    capacity = (size - HEADER.size) // ENTRY.size
    if len(entries) > capacity:
        sys.exit(f"gen_kobject_table: {len(entries)} kernel object variables, room for "
                 f"{capacity}: raise CONFIG_KOBJECT_TABLE_SIZE")
    blob = HEADER.pack(MAGIC, len(entries))
    blob += b"".join(ENTRY.pack(a, t) for a, t in entries)
    blob += bytes(size - len(blob))

    fd, path = tempfile.mkstemp(suffix=".bin")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(blob)
        subprocess.run([args.objcopy, f"--update-section={SECTION}={path}", args.elf],
                       check=True)
    finally:
        os.unlink(path)
    print(f"kernel object variables: {len(entries)} of {capacity}")


if __name__ == "__main__":
    main()
