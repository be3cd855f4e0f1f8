"""Reading a linked image with binutils, for the scripts that patch it after
the link (gen_kobject_table.py, syscall_exits.py).

Each runs a tool (readelf, objdump) as a process and parses its text: a
fraction of a second per image, and no ELF library to install.
"""
import subprocess


def run(tool, *args):
    """The text a binutils tool prints."""
    return subprocess.run([tool, *args], check=True, capture_output=True, text=True,
                          errors="replace").stdout


def symbols(readelf, elf, names):
    """{name: (address, size)} of those of @names the image defines."""
    found = {}
    for line in run(readelf, "-sW", elf).splitlines():
        f = line.split()
        if len(f) == 8 and f[7] in names:
            found[f[7]] = (int(f[1], 16), int(f[2], 0))
    return found


def sections(readelf, elf):
    """{name: (type, address, file offset, size)} of the image's sections."""
    out = {}
    for line in run(readelf, "-SW", elf).splitlines():
        f = line.replace("[ ", "[").split()
        # "[ 0]", the null section, has no name.
        if len(f) > 6 and f[0].startswith("[") and f[0] not in ("[Nr]", "[0]"):
            out[f[1]] = (f[2], int(f[3], 16), int(f[4], 16), int(f[5], 16))
    return out
