#!/usr/bin/env python3
"""Lay out the application memory partitions before the one final link.

K_APP_DMEM(name) / K_APP_BMEM(name) put variables in sections
data_smem_<name>_data / data_smem_<name>_bss, and K_APPMEM_PARTITION_DEFINE(name)
leaves a marker section .app_smem_name.<name>. This script reads the section
tables of the compiled objects (ELF files, or ar archives of them: it reads them
itself, a readelf process and its text would cost more than all the rest), adds
up each partition's size with its alignment and writes linker fragments that
place the partitions. With --pow2 (CONFIG_PMP_POWER_OF_TWO_ALIGNMENT) each is
rounded up to a power of two and placed at an address aligned to its size, so
that a single PMP NAPOT entry covers it; otherwise the partitions are packed at the granularity the
hardware needs (--granule bytes: 4 for the PMP's TOR mode), with no padding:

  app_smem.ld            the partitions (included inside the .app_smem section)
  app_smem_symbols.ld    z_data_smem_<name>_part_size and layout checks
  app_smem_bss_table.ld  the bss ranges the kernel zeroes at boot
"""
import argparse
import mmap
import os
import re
import struct
import sys

MIN_PART = 32
# The only sections that matter, by name prefix: a partition's data and bss, its marker.
WANTED = (b"data_smem_", b".app_smem_name.")


def elf_sections(blob, where):
    """(name, size, alignment) of each section of an ELF file, in their order."""
    if bytes(blob[:4]) != b"\x7fELF":
        sys.exit(f"gen_app_smem: {where} is not an ELF file")
    is64 = blob[4] == 2
    order = "<" if blob[5] == 1 else ">"
    if is64:
        shoff, = struct.unpack_from(order + "Q", blob, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from(order + "HHH", blob, 0x3a)
        shdr = order + "IIQQQQIIQQ"
    else:
        shoff, = struct.unpack_from(order + "I", blob, 0x20)
        shentsize, shnum, shstrndx = struct.unpack_from(order + "HHH", blob, 0x2e)
        shdr = order + "IIIIIIIIII"
    if shoff == 0:
        return
    if shnum == 0 or shstrndx == 0xFFFF:  # too many sections: the counts are in section 0
        first = struct.unpack_from(shdr, blob, shoff)
        shnum = shnum or first[5]
        shstrndx = first[6] if shstrndx == 0xFFFF else shstrndx
    headers = [struct.unpack_from(shdr, blob, shoff + i * shentsize) for i in range(shnum)]
    strtab_off, strtab_size = headers[shstrndx][4], headers[shstrndx][5]
    strtab = bytes(blob[strtab_off:strtab_off + strtab_size])
    for h in headers:
        name_at, size, align = h[0], h[5], h[8]
        if not strtab.startswith(WANTED[0], name_at) and not strtab.startswith(WANTED[1], name_at):
            continue
        name = strtab[name_at:strtab.index(b"\0", name_at)].decode()
        yield name, size, align


def archive_members(blob, where):
    """The ELF members of an ar archive (a Rust static library): (name, bytes)."""
    pos = 8
    while pos + 60 <= len(blob):
        header = bytes(blob[pos:pos + 60])
        name = header[:16].decode(errors="replace").strip()
        size = int(header[48:58].decode().strip())
        body = blob[pos + 60:pos + 60 + size]
        if name.startswith("#1/"):  # BSD: the name leads the body
            skip = int(name[3:])
            body = body[skip:]
        if bytes(body[:4]) == b"\x7fELF":
            yield f"{where}({name})", body
        pos += 60 + size + (size & 1)


def sections_of(objs):
    """Every partition section (name, size, alignment) of the objects, in their order."""
    for obj in objs:
        with open(obj, "rb") as f:
            # Mapped, not read: only the headers and the section names are looked at.
            blob = memoryview(mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ))
        if bytes(blob[:8]) == b"!<arch>\n":
            for where, member in archive_members(blob, obj):
                yield from elf_sections(member, where)
        else:
            yield from elf_sections(blob, obj)


def align_up(v, a):
    return (v + a - 1) // a * a if a > 1 else v


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--objects", required=True, help="file listing the object files, ';'-separated")
    ap.add_argument("--pow2", action="store_true",
                    help="naturally aligned power-of-two partitions (one NAPOT entry each)")
    ap.add_argument("--granule", type=int, default=4,
                    help="alignment and size granule of a partition without --pow2")
    ap.add_argument("outdir")
    args = ap.parse_args()

    objs = [o for o in open(args.objects).read().strip().split(";") if o]
    parts = {}  # name -> [data bytes, bss bytes, max alignment]
    pat = re.compile(r"^(?:data_smem_(\w+?)_(data|bss)(?:\..*)?|\.app_smem_name\.(\w+))$")
    for name, size, align in sections_of(objs):
        m = pat.match(name)
        if not m:
            continue
        part = m.group(1) or m.group(3)
        entry = parts.setdefault(part, [0, 0, 4])
        if m.group(2) == "data":
            entry[0] = align_up(entry[0], align) + size
        elif m.group(2) == "bss":
            entry[1] = align_up(entry[1], align) + size
        entry[2] = max(entry[2], align)

    layout, symbols, table = [], [], []
    # Largest first: with --pow2 each partition then starts aligned without padding between.
    for name in sorted(parts, key=lambda n: (-(parts[n][0] + parts[n][1]), n)):
        data, bss, align = parts[name]
        if args.pow2:
            need = align_up(data, align) + align_up(bss, align) + align
            size = MIN_PART
            while size < need:
                size *= 2
            start_align = size
        else:
            start_align = max(align, args.granule)
            size = max(align_up(align_up(data, align) + bss, args.granule), args.granule)
        p = f"z_data_smem_{name}"
        layout += [
            f". = ALIGN({start_align});",
            f"{p}_part_start = .;",
            f"KEEP(*(data_smem_{name}_data data_smem_{name}_data.*))",
            f". = ALIGN({align});",
            f"{p}_bss_start = .;",
            f"KEEP(*(data_smem_{name}_bss data_smem_{name}_bss.*))",
            f"{p}_bss_end = .;",
            f". = {p}_part_start + {size};",
            f"{p}_part_end = .;",
        ]
        symbols += [
            f"{p}_part_size = {p}_part_end - {p}_part_start;",
            f'ASSERT({p}_bss_end <= {p}_part_end, "app partition {name} outgrew its layout")',
        ]
        table.append(f"LONG({p}_bss_start) LONG({p}_bss_end)")

    os.makedirs(args.outdir, exist_ok=True)
    for fname, lines in (("app_smem.ld", layout), ("app_smem_symbols.ld", symbols),
                         ("app_smem_bss_table.ld", table)):
        text = "/* Generated by scripts/gen_app_smem.py */\n" + "\n".join(lines) + "\n"
        path = os.path.join(args.outdir, fname)
        if not os.path.exists(path) or open(path).read() != text:
            with open(path, "w") as f:
                f.write(text)


if __name__ == "__main__":
    sys.exit(main())
