#!/usr/bin/env python3
"""Generate Breeze's system call glue from the one list in kernel/syscalls.def.

Each line of the list is a C prototype:  <return type> <name>(<params>);
optionally preceded by [CONFIG_FOO] (one or more): the call exists only with
every option named.
The image's configuration (--config, the autoconf.h Kconfig wrote just
before) decides: a call whose option is off is left out entirely — no ID,
wrapper, marshaller or table slot — and the IDs of the others are dense, so
the table costs nothing for what the image does not have, and an ID the image
does not know is out of range (an oops at the trap, as any bad ID). A call
may also be preceded by [nonblocking]: the call never waits (it may switch threads, but has
nothing left to do when it would resume), so a port may serve it in the trap
itself, without entering a thread context (arch/arm/core/switch.S does).
Nonblocking calls get the first IDs, below K_SYSCALL_NONBLOCKING_LIMIT: one
comparison tells them apart; the void ones with their arguments in registers
first of all, below K_SYSCALL_NONBLOCKING_VOID_LIMIT, so that a port that
serves them in the trap can tell the calls that return nothing with one more.
[attempt] marks a call that may wait but usually does not, and changes nothing
before it would: a port may try it in the trap and run it again in a thread
when it must wait. Those come next, below K_SYSCALL_ATTEMPT_LIMIT. A port
whose trap returns one word from a nonblocking call
(CONFIG_SYSCALL_NONBLOCKING_ONE_WORD) has the nonblocking calls with a 64-bit
result among the plain ones. From the list come
  syscall_list.h      the IDs (K_SYSCALL_<NAME>), K_SYSCALL_NONBLOCKING_VOID_LIMIT,
                      K_SYSCALL_NONBLOCKING_LIMIT, K_SYSCALL_ATTEMPT_LIMIT and
                      K_SYSCALL_LIMIT;
  syscalls.h          for every call, the z_impl_ prototype and the public inline
                      wrapper: a direct call in supervisor mode, a trap carrying the
                      ID and the marshalled arguments in user mode (z_syscall_trap()
                      in <breeze/syscall.h> tells which, at run time or, for code
                      built with __ZEPHYR_USER__ or __ZEPHYR_SUPERVISOR__, at build time);
  syscall_dispatch.c  the dispatch table indexed by ID and, for calls whose
                      arguments need rebuilding (64-bit words, words beyond the
                      registers, 64-bit results, no result), a marshalling
                      function that calls the hand-written verifier
                      z_vrfy_<name>. A call with one word per argument and a
                      one-word result has its verifier in the table directly:
                      under the ilp32 calling convention it receives the words
                      in the very registers it expects. A void call's marshaller
                      returns 0, so that a0 carries no kernel value back to user
                      mode; a port that zeroes the result of the void calls
                      itself (ARCH_SYSCALL_ZEROES_VOID_RESULT: RISC-V built for
                      size) reads them from z_syscall_void_ids and takes their
                      verifiers directly; so does a port whose trap tells the
                      nonblocking void calls by their IDs and returns no kernel
                      value from them (ARCH_SYSCALL_NONBLOCKING_VOID_DIRECT:
                      Cortex-M leaves the caller's r0, RISC-V built for speed
                      zeroes a0), for those calls. A 64-bit result's high
                      word travels through arch_syscall_ret_hi_set().
                      For a port that returns from each nonblocking call by
                      an exit of its own (ARCH_SYSCALL_NONBLOCKING_EXITS:
                      RISC-V built for speed), z_syscall_nonblocking_table
                      too: those calls' handlers again, each beside its exit
                      (the port's full one for a void call or for one with a
                      result, until scripts/syscall_exits.py chooses after
                      the link).

Application system calls: every header given with --app-header (the build
passes the headers under the application's folder that declare __syscall, and
those named with zephyr_syscall_header()) is scanned for __syscall prototypes.
Their IDs follow the kernel's. For a header <name>.h come
  syscalls/<name>.h and zephyr/syscalls/<name>.h
                      its wrappers, which the header includes at its end (the
                      spelling of older and of current Zephyr);
  syscalls/<call>_mrsh.c and zephyr/syscalls/<call>_mrsh.c
                      per call, the marshaller z_mrsh_<call>, which the
                      application includes right after its verifier z_vrfy_<call>
                      (as in Zephyr), so that a static inline verifier works;
and the dispatch table refers to those marshallers.

Arguments travel as 32-bit words: 64-bit types take two. Up to six words go in
registers; a call needing more passes the first five and a pointer to the rest,
which the marshaller copies in with k_usermode_from_copy() (checked like any
user buffer).
"""
import argparse
import os
import re
import sys

WIDE_TYPES = {"k_timeout_t", "int64_t", "uint64_t", "k_ticks_t"}
REG_WORDS = 6

PROTO = re.compile(r"^\s*(?P<ret>[\w\s\*]+?)\s*\b(?P<name>\w+)\s*\((?P<params>[^)]*)\)\s*;\s*$")


def parse_param(text):
    text = text.strip()
    m = re.match(r"^(?P<type>.*?)(?P<name>\w+)$", text)
    if not m:
        raise ValueError(f"cannot parse parameter '{text}'")
    ctype = m.group("type").strip()
    return ctype, m.group("name")


def words_of(ctype):
    return 2 if ctype in WIDE_TYPES else 1


def read_config(path):
    """The CONFIG_ symbols autoconf.h at @path defines (an option that is off is not there)."""
    with open(path) as f:
        return {m.group(1) for m in re.finditer(r"^#define (CONFIG_\w+)\b", f.read(), flags=re.M)}


def parse_tagged(path, config):
    """The calls of @path that configuration @config (a set of CONFIG_ symbols)
    has, nonblocking ones first (the void ones with their arguments in
    registers first of all), then [attempt] ones, and the three limits."""
    blocking = []
    nonblocking = []
    attempt = []
    with open(path) as f:
        for lineno, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            conds = []
            kind = blocking
            while True:
                c = re.match(r"^\[(CONFIG_\w+|nonblocking|attempt)\]\s*(.*)$", line)
                if not c:
                    break
                if c.group(1) == "nonblocking":
                    kind = nonblocking
                elif c.group(1) == "attempt":
                    kind = attempt
                else:
                    conds.append(c.group(1))
                line = c.group(2)
            m = PROTO.match(line)
            if not m:
                sys.exit(f"{path}:{lineno}: not a prototype: {line}")
            params = m.group("params").strip()
            plist = [] if params in ("", "void") else [parse_param(p) for p in params.split(",")]
            call = (m.group("ret").strip(), m.group("name"), plist)
            if kind is attempt and words_of(call[0]) == 2:
                # A port returns an attempt's result in one word (arch/arm/core/switch.S).
                sys.exit(f"{path}:{lineno}: an [attempt] call cannot return 64 bits")
            if kind is attempt and sum(words_of(t) for t, _ in plist) > 4:
                # Ports keep four words of an attempt: Arm passes them from the trap
                # frame, RISC-V saves them for a second run (arch/*/core).
                sys.exit(f"{path}:{lineno}: an [attempt] call takes at most four argument words")
            if kind is nonblocking and sum(words_of(t) for t, _ in plist) > 4:
                # Arm serves these in the SVC with the four words of the caller's frame.
                sys.exit(f"{path}:{lineno}: a [nonblocking] call takes at most four argument words")
            if all(c in config for c in conds):
                kind.append(call)
    if "CONFIG_SYSCALL_NONBLOCKING_ONE_WORD" in config:
        # The port's trap returns one word from a nonblocking call: one with
        # a 64-bit result is a plain call there.
        blocking += [c for c in nonblocking if words_of(c[0]) == 2]
        nonblocking = [c for c in nonblocking if words_of(c[0]) != 2]
    void = [c for c in nonblocking if is_direct_void(c[0], c[2])]
    nonblocking = void + [c for c in nonblocking if not is_direct_void(c[0], c[2])]
    limits = (len(void), len(nonblocking), len(nonblocking) + len(attempt))
    return nonblocking + attempt + blocking, limits


def parse(path, config):
    """The calls of @path that configuration @config has, in ID order."""
    return parse_tagged(path, config)[0]


def parse_header(path):
    """The __syscall prototypes of a C header, in order."""
    with open(path) as f:
        text = f.read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    calls = []
    for m in re.finditer(r"\b__syscall\b([^;{]*?);", text, flags=re.S):
        proto = " ".join(m.group(1).split()) + ";"
        pm = PROTO.match(proto)
        if not pm:
            sys.exit(f"{path}: cannot parse __syscall {proto}")
        params = pm.group("params").strip()
        plist = [] if params in ("", "void") else [parse_param(p) for p in params.split(",")]
        calls.append((pm.group("ret").strip(), pm.group("name"), plist))
    return calls


def word_exprs(plist):
    """For each parameter, the list of word expressions in the wrapper."""
    out = []
    for ctype, pname in plist:
        if words_of(ctype) == 2:
            out.append((ctype, pname, [f"_w_{pname}.w[0]", f"_w_{pname}.w[1]"]))
        else:
            out.append((ctype, pname, [f"(uintptr_t){pname}"]))
    return out


def gen_list(calls, limits):
    lines = ["/* Generated by scripts/gen_syscalls.py from kernel/syscalls.def. */",
             "#ifndef BREEZE_GENERATED_SYSCALL_LIST_H", "#define BREEZE_GENERATED_SYSCALL_LIST_H", ""]
    for i, (_, name, _) in enumerate(calls):
        lines.append(f"#define K_SYSCALL_{name.upper()} {i}")
    lines += [f"#define K_SYSCALL_NONBLOCKING_VOID_LIMIT {limits[0]}",
              f"#define K_SYSCALL_NONBLOCKING_LIMIT {limits[1]}",
              f"#define K_SYSCALL_ATTEMPT_LIMIT {limits[2]}",
              f"#define K_SYSCALL_LIMIT {len(calls)}", "", "#endif", ""]
    return "\n".join(lines)


def gen_wrappers(calls, guard="BREEZE_GENERATED_SYSCALLS_H",
                 source="kernel/syscalls.def"):
    out = [f"/* Generated by scripts/gen_syscalls.py from {source}. */",
           f"#ifndef {guard}", f"#define {guard}", "",
           "#include <stdint.h>", "#include <breeze/syscall.h>", "#include <syscall_list.h>", ""]
    for ret, name, plist in calls:
        params = ", ".join(f"{t} {n}" if not t.endswith("*") else f"{t}{n}" for t, n in plist) or "void"
        args = ", ".join(n for _, n in plist)
        out.append(f"{ret} z_impl_{name}({params});")
        out.append(f"static inline {ret} {name}({params})")
        out.append("{")
        out.append("#ifdef CONFIG_USERSPACE")
        out.append("\tif (z_syscall_trap()) {")
        exprs = word_exprs(plist)
        for ctype, pname, ws in exprs:
            if len(ws) == 2:
                out.append(f"\t\tunion {{ {ctype} v; uintptr_t w[2]; }} _w_{pname} = {{ .v = {pname} }};")
        words = [w for _, _, ws in exprs for w in ws]
        if len(words) > REG_WORDS:
            rest = words[REG_WORDS - 1:]
            out.append(f"\t\tuintptr_t _more[{len(rest)}] = {{ {', '.join(rest)} }};")
            words = words[:REG_WORDS - 1] + ["(uintptr_t)_more"]
        n = len(words)
        call = f"arch_syscall_invoke{n}({', '.join(words + [f'K_SYSCALL_{name.upper()}'])})"
        if ret == "void":
            out.append(f"\t\t(void){call};")
            out.append("\t\treturn;")
        elif ret in WIDE_TYPES:
            out.append(f"\t\tunion {{ {ret} v; uint64_t w; }} _r = {{ .w = {call} }};")
            out.append("\t\treturn _r.v;")
        else:
            out.append(f"\t\treturn ({ret})(uintptr_t){call};")
        out.append("\t}")
        out.append("#endif")
        if ret == "void":
            out.append(f"\tz_impl_{name}({args});")
        else:
            out.append(f"\treturn z_impl_{name}({args});")
        out.append("}")
        out.append("")
    out += ["#endif", ""]
    return "\n".join(out)


def words_in_registers(plist):
    """One word per argument, all in registers: the verifier receives the
    trap's words in the very registers it expects."""
    return all(words_of(t) == 1 for t, _ in plist) and len(plist) <= REG_WORDS


def is_direct(ret, plist):
    """Arguments in registers and exactly one word back: the verifier itself
    can be the handler (same registers in, a0 out). A void verifier leaves
    whatever it last computed in a0, so it never is."""
    return ret != "void" and ret not in WIDE_TYPES and words_in_registers(plist)


def is_direct_void(ret, plist):
    """A void call with its arguments in registers: where the port zeroes a
    void call's result itself (ARCH_SYSCALL_ZEROES_VOID_RESULT: it reads
    z_syscall_void_ids), its verifier can be the handler too."""
    return ret == "void" and words_in_registers(plist)


def handler_name(ret, name, plist, nonblocking_void):
    if is_direct(ret, plist):
        return f"(z_syscall_handler_t)(void (*)(void))z_vrfy_{name}"
    if nonblocking_void:
        return f"Z_SYSCALL_NONBLOCKING_VOID_HANDLER({name})"
    if is_direct_void(ret, plist):
        return f"Z_SYSCALL_VOID_HANDLER({name})"
    return f"z_mrsh_{name}"


def table_handler(ret, name, plist, nonblocking_void):
    """A dispatch table's entry for a kernel call (traced where tracing is on)."""
    return f"Z_SYSCALL_HANDLER({name}, {handler_name(ret, name, plist, nonblocking_void)})"


def gen_dispatch(calls, app_calls, nonblocking_void, nonblocking):
    out = ["/* Generated by scripts/gen_syscalls.py from kernel/syscalls.def. */",
           "#include <breeze/kernel.h>", "#include <syscall_handler.h>", ""]
    for ret, name, plist in calls:
        params = ", ".join(f"{t} {n}" if not t.endswith("*") else f"{t}{n}" for t, n in plist) or "void"
        out.append(f"{ret} z_vrfy_{name}({params});")
    out.append("")
    # The IDs are the calls' positions (gen_list()).
    void_bits = {}
    for i, (ret, _, plist) in enumerate(calls):
        if is_direct_void(ret, plist):
            void_bits[i // 32] = void_bits.get(i // 32, 0) | (1 << (i % 32))
    out += ["/*",
            " * A port that zeroes the result of the calls marked here (bit ID % 32 of",
            " * word ID / 32: void calls, whose handler returns no value) takes their",
            " * verifiers as handlers: no marshaller whose only work is that zero.",
            " */",
            "#ifdef ARCH_SYSCALL_ZEROES_VOID_RESULT",
            "#define Z_SYSCALL_VOID_HANDLER(name) (z_syscall_handler_t)(void (*)(void))z_vrfy_##name",
            "const uint32_t z_syscall_void_ids[(K_SYSCALL_LIMIT + 31) / 32] = {"]
    for w in sorted(void_bits):
        out.append(f"\t[{w}] = 0x{void_bits[w]:08x}U,")
    out += ["};", "#else", "#define Z_SYSCALL_VOID_HANDLER(name) z_mrsh_##name", "#endif",
            "/* The nonblocking void calls (the first IDs), for a port whose trap tells them. */",
            "#ifdef ARCH_SYSCALL_NONBLOCKING_VOID_DIRECT",
            "#define Z_SYSCALL_NONBLOCKING_VOID_HANDLER(name) \\",
            "\t(z_syscall_handler_t)(void (*)(void))z_vrfy_##name",
            "#else",
            "#define Z_SYSCALL_NONBLOCKING_VOID_HANDLER(name) Z_SYSCALL_VOID_HANDLER(name)",
            "#endif", ""]
    for i, (ret, name, plist) in enumerate(calls):
        if is_direct(ret, plist):
            continue
        guard = is_direct_void(ret, plist)
        if guard:
            out.append("#if !defined(ARCH_SYSCALL_ZEROES_VOID_RESULT)" +
                       (" && !defined(ARCH_SYSCALL_NONBLOCKING_VOID_DIRECT)"
                        if i < nonblocking_void else ""))
        out += marshaller(ret, name, plist, "static ")
        if guard:
            out.append("#endif")
        out.append("")
    for _, name, _ in app_calls:
        out.append(f"uintptr_t z_mrsh_{name}(uintptr_t a0, uintptr_t a1, uintptr_t a2, "
                   "uintptr_t a3, uintptr_t a4, uintptr_t a5);")
    if app_calls:
        out.append("")
    out += traced_handlers(calls, app_calls, nonblocking_void)
    out.append("const z_syscall_handler_t z_syscall_table[K_SYSCALL_LIMIT] = {")
    for i, (ret, name, plist) in enumerate(calls):
        out.append(f"\t[K_SYSCALL_{name.upper()}] = "
                   f"{table_handler(ret, name, plist, i < nonblocking_void)},")
    for _, name, _ in app_calls:
        out.append(f"\t[K_SYSCALL_{name.upper()}] = Z_SYSCALL_HANDLER({name}, z_mrsh_{name}),")
    out += ["};", ""]
    out += nonblocking_table(calls, nonblocking_void, nonblocking)
    return "\n".join(out)


def nonblocking_table(calls, nonblocking_void, nonblocking):
    """For a port whose trap returns from each nonblocking call by its own
    exit (ARCH_SYSCALL_NONBLOCKING_EXITS: RISC-V built for speed), the
    handlers again, each beside its exit: at first the port's full one for a
    void call or for a call with a result; the port may choose a shorter one
    after the link (scripts/syscall_exits.py)."""
    out = ["#ifdef ARCH_SYSCALL_NONBLOCKING_EXITS",
           "const struct z_syscall_nonblocking z_syscall_nonblocking_table"
           "[K_SYSCALL_NONBLOCKING_LIMIT] __aligned(8) = {"]
    for i, (ret, name, plist) in enumerate(calls[:nonblocking]):
        handler = table_handler(ret, name, plist, i < nonblocking_void)
        if words_of(ret) == 2:
            # Those exits return one word (CONFIG_SYSCALL_NONBLOCKING_ONE_WORD moves these).
            out.append(f"#error \"{name} returns 64 bits: not a nonblocking call on this port\"")
        exit_ = "ARCH_SYSCALL_EXIT_VOID" if i < nonblocking_void else "ARCH_SYSCALL_EXIT_VALUE"
        out.append(f"\t[K_SYSCALL_{name.upper()}] = {{ {handler}, {exit_} }},")
    out += ["};", "#endif", ""]
    return out


def traced_handlers(calls, app_calls, nonblocking_void):
    """With CONFIG_TRACING, a table entry is a function that passes its call's
    ID and handler to z_trace_syscall() (lib/tracing), which records the
    call's start and end around it; without, the handler itself."""
    words = ", ".join(f"uintptr_t a{i}" for i in range(REG_WORDS))
    args = ", ".join(f"a{i}" for i in range(REG_WORDS))
    out = ["#ifdef CONFIG_TRACING",
           f"uintptr_t z_trace_syscall(uint32_t id, z_syscall_handler_t handler, {words});",
           "#define Z_TRACED_SYSCALL(name, id, handler) \\",
           f"\tstatic uintptr_t z_traced_##name({words}) \\",
           f"\t{{ return z_trace_syscall(id, handler, {args}); }}"]
    for i, (ret, name, plist) in enumerate(calls):
        out.append(f"Z_TRACED_SYSCALL({name}, K_SYSCALL_{name.upper()}, "
                   f"{handler_name(ret, name, plist, i < nonblocking_void)})")
    for _, name, _ in app_calls:
        out.append(f"Z_TRACED_SYSCALL({name}, K_SYSCALL_{name.upper()}, z_mrsh_{name})")
    out += ["#define Z_SYSCALL_HANDLER(name, handler) z_traced_##name",
            "#else",
            "#define Z_SYSCALL_HANDLER(name, handler) handler",
            "#endif", ""]
    return out


def marshaller(ret, name, plist, storage):
    """The function that rebuilds a call's arguments from the six register
    words (and the block beyond them) and calls its verifier."""
    out = []
    out.append(f"{storage}uintptr_t z_mrsh_{name}(uintptr_t a0, uintptr_t a1, uintptr_t a2, "
               "uintptr_t a3, uintptr_t a4, uintptr_t a5)")
    out.append("{")
    total = sum(words_of(t) for t, _ in plist)
    regs = ["a0", "a1", "a2", "a3", "a4", "a5"]
    if total > REG_WORDS:
        nmore = total - (REG_WORDS - 1)
        out.append(f"\tuintptr_t _more[{nmore}];")
        out.append("")
        out.append("\tK_OOPS(k_usermode_from_copy(_more, (const void *)a5, sizeof(_more)));")
        src = regs[:REG_WORDS - 1] + [f"_more[{i}]" for i in range(nmore)]
    else:
        src = regs[:total]
        unused = regs[total:]
        for u in unused:
            out.append(f"\tARG_UNUSED({u});")
    k = 0
    args = []
    for ctype, pname in plist:
        if words_of(ctype) == 2:
            out.append(f"\tunion {{ {ctype} v; uintptr_t w[2]; }} _{pname} = "
                       f"{{ .w = {{ {src[k]}, {src[k + 1]} }} }};")
            args.append(f"_{pname}.v")
            k += 2
        else:
            args.append(f"({ctype}){src[k]}")
            k += 1
    call = f"z_vrfy_{name}({', '.join(args)})"
    if ret == "void":
        out.append(f"\t{call};")
        out.append("\treturn 0;")
    elif ret in WIDE_TYPES:
        out.append(f"\tunion {{ {ret} v; uint64_t w; }} _r = {{ .v = {call} }};")
        out.append("")
        out.append("\tarch_syscall_ret_hi_set((uintptr_t)(_r.w >> 32));")
        out.append("\treturn (uintptr_t)_r.w;")
    else:
        out.append(f"\treturn (uintptr_t){call};")
    out.append("}")
    return out


def gen_app_marshaller(ret, name, plist, header):
    out = [f"/* Generated by scripts/gen_syscalls.py from {os.path.basename(header)}: include it",
           f" * right after z_vrfy_{name}(). */",
           "#include <syscall_handler.h>", ""]
    out += marshaller(ret, name, plist, "")
    out.append("")
    return "\n".join(out)


def forward(target):
    return f"/* Generated by scripts/gen_syscalls.py. */\n#include <{target}>\n"


def write_if_changed(path, text):
    if os.path.exists(path) and open(path).read() == text:
        return
    with open(path, "w") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("list", help="kernel/syscalls.def")
    ap.add_argument("outdir", help="folder for the generated files")
    ap.add_argument("--config", required=True,
                    help="the image's autoconf.h: which optional calls it has")
    ap.add_argument("--app-header", action="append", default=[],
                    help="an application header declaring __syscall functions")
    args = ap.parse_args()
    calls, limits = parse_tagged(args.list, read_config(args.config))
    names = {c[1] for c in calls}
    headers = {}
    app_calls = []
    for path in dict.fromkeys(os.path.realpath(h) for h in args.app_header):
        base = os.path.splitext(os.path.basename(path))[0]
        if base in headers:
            sys.exit(f"{path}: a header named {base}.h declares system calls already "
                     f"({headers[base][0]}): the generated syscalls/{base}.h would clash")
        found = parse_header(path)
        for c in found:
            if c[1] in names:
                sys.exit(f"{path}: system call {c[1]} is declared twice")
            names.add(c[1])
        headers[base] = (path, found)
        app_calls += found
    os.makedirs(os.path.join(args.outdir, "zephyr", "syscalls"), exist_ok=True)
    os.makedirs(os.path.join(args.outdir, "syscalls"), exist_ok=True)
    write_if_changed(os.path.join(args.outdir, "syscall_list.h"), gen_list(calls + app_calls, limits))
    write_if_changed(os.path.join(args.outdir, "syscalls.h"), gen_wrappers(calls))
    write_if_changed(os.path.join(args.outdir, "syscall_dispatch.c"),
                     gen_dispatch(calls, app_calls, limits[0], limits[1]))
    for base, (path, found) in headers.items():
        guard = "BREEZE_GENERATED_APP_SYSCALLS_" + re.sub(r"\W", "_", base).upper() + "_H"
        write_if_changed(os.path.join(args.outdir, "syscalls", f"{base}.h"),
                         gen_wrappers(found, guard, os.path.basename(path)))
        write_if_changed(os.path.join(args.outdir, "zephyr", "syscalls", f"{base}.h"),
                         forward(f"syscalls/{base}.h"))
        for ret, name, plist in found:
            write_if_changed(os.path.join(args.outdir, "syscalls", f"{name}_mrsh.c"),
                             gen_app_marshaller(ret, name, plist, path))
            write_if_changed(os.path.join(args.outdir, "zephyr", "syscalls", f"{name}_mrsh.c"),
                             forward(f"syscalls/{name}_mrsh.c"))


if __name__ == "__main__":
    main()
