#!/usr/bin/python3
"""Turn a compiled devicetree (.dtb) into devicetree_generated.h.

The tree is read with pylibfdt; each node's properties get their types from
the YAML binding of its compatible (python3-yaml). A node that breaks its
binding (a required property missing, a value of the wrong shape, a phandle
to nowhere) stops the build with the node's path and the property's name.

The header is a flat list of macros that <zephyr/devicetree.h> pastes
together. A node is named by its path in tokens: /soc/serial@10000000 is
DT_N_S_soc_S_serial_10000000. Per node it holds the path, name, parent,
children, status, registers, interrupts and the properties its binding
declares; then labels, aliases, chosen nodes and, per compatible, the list
of enabled instances.
"""
import argparse
import glob
import os
import re
import sys

import libfdt
import yaml

# Properties every node may carry, whatever its binding says.
STANDARD_TYPES = {
    "compatible": "string-array",
    "status": "string",
    "reg": "array",
    "reg-names": "string-array",
    "interrupts": "array",
    "interrupts-extended": "compound",
    "interrupt-parent": "phandle",
    "interrupt-names": "string-array",
    "label": "string",
    "device_type": "string",
    "phandle": "int",
}

TYPES = {"int", "array", "uint8-array", "string", "string-array", "boolean",
         "phandle", "phandles", "compound"}


class DTError(Exception):
    pass


def token(s):
    """A name as a C token: lower case, anything else than [a-z0-9_] as _."""
    return re.sub(r"[^a-z0-9_]", "_", s.lower())


# libyaml's safe loader when PyYAML has it (Debian's does): the same documents,
# several times faster than the pure-Python one, and every image reads them all.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Binding:
    def __init__(self, path):
        with open(path) as f:
            raw = yaml.load(f, Loader=SAFE_LOADER) or {}
        self.path = path
        self.compatible = raw.get("compatible")
        if not isinstance(self.compatible, str):
            raise DTError(f"{path}: a binding needs 'compatible: \"<vendor>,<device>\"'")
        self.props = raw.get("properties") or {}
        self.interrupt_cells = raw.get("interrupt-cells") or []
        self.irq_base = raw.get("irq-base")
        for name, spec in self.props.items():
            spec = spec if spec is not None else {}
            self.props[name] = spec
            ptype = spec.get("type", STANDARD_TYPES.get(name))
            if ptype not in TYPES:
                raise DTError(f"{path}: property '{name}': unknown type '{ptype}'")
            spec["type"] = ptype


def load_bindings(dirs):
    bindings = {}
    for d in dirs:
        for path in sorted(glob.glob(os.path.join(d, "**", "*.yaml"), recursive=True)):
            b = Binding(path)
            if b.compatible in bindings:
                raise DTError(f"{path}: '{b.compatible}' already bound by "
                              f"{bindings[b.compatible].path}")
            bindings[b.compatible] = b
    return bindings


def cells(raw, where):
    if len(raw) % 4 != 0:
        raise DTError(f"{where}: expected 32-bit cells, got {len(raw)} bytes")
    return [int.from_bytes(raw[i:i + 4], "big") for i in range(0, len(raw), 4)]


def strings(raw, where):
    if not raw or raw[-1] != 0:
        raise DTError(f"{where}: expected NUL-terminated strings")
    return [s.decode() for s in raw[:-1].split(b"\0")]


class Node:
    def __init__(self, tree, offset, parent):
        self.tree = tree
        self.offset = offset
        self.parent = parent
        self.name = tree.fdt.get_name(offset) or "/"
        if parent is None:
            self.path = "/"
        elif parent.path == "/":
            self.path = "/" + self.name
        else:
            self.path = parent.path + "/" + self.name
        self.raw = {}
        poff = tree.fdt.first_property_offset(offset, [libfdt.NOTFOUND])
        while poff >= 0:
            prop = tree.fdt.get_property_by_offset(poff)
            self.raw[prop.name] = bytes(prop)
            poff = tree.fdt.next_property_offset(poff, [libfdt.NOTFOUND])
        self.children = []
        self.labels = []
        self.id = "DT_N" + "".join("_S_" + token(p) for p in self.path.split("/") if p)
        self.compats = strings(self.raw["compatible"], self.where("compatible")) \
            if "compatible" in self.raw else []
        self.binding = None

    def where(self, prop=None):
        return f"node {self.path}" + (f", property '{prop}'" if prop else "")

    def cell_count(self, name, default):
        return cells(self.raw[name], self.where(name))[0] if name in self.raw else default

    @property
    def status(self):
        s = strings(self.raw["status"], self.where("status"))[0] if "status" in self.raw else "okay"
        return "okay" if s == "ok" else s


class Tree:
    def __init__(self, dtb, bindings):
        with open(dtb, "rb") as f:
            self.fdt = libfdt.Fdt(f.read())
        self.bindings = bindings
        self.nodes = []
        self.by_phandle = {}
        self._walk(0, None)
        self.by_path = {n.path: n for n in self.nodes}
        for n in self.nodes:
            if "phandle" in n.raw:
                self.by_phandle[cells(n.raw["phandle"], n.where("phandle"))[0]] = n
        self.symbols = self._string_map("/__symbols__")
        for label, path in self.symbols.items():
            self.node_at(path, "__symbols__").labels.append(label)
        self.aliases = {a: self.node_at(p, f"alias '{a}'")
                        for a, p in self._string_map("/aliases").items()}
        self.chosen = {c: self.node_at(p, f"chosen '{c}'")
                       for c, p in self._string_map("/chosen").items()}
        for n in self.nodes:
            n.binding = next((bindings[c] for c in n.compats if c in bindings), None)

    def _walk(self, offset, parent):
        node = Node(self, offset, parent)
        if node.path in ("/__symbols__", "/aliases", "/chosen"):
            return
        self.nodes.append(node)
        if parent is not None:
            parent.children.append(node)
        child = self.fdt.first_subnode(offset, [libfdt.NOTFOUND])
        while child >= 0:
            self._walk(child, node)
            child = self.fdt.next_subnode(child, [libfdt.NOTFOUND])

    def _string_map(self, path):
        try:
            off = self.fdt.path_offset(path)
        except libfdt.FdtException:
            return {}
        out = {}
        poff = self.fdt.first_property_offset(off, [libfdt.NOTFOUND])
        while poff >= 0:
            prop = self.fdt.get_property_by_offset(poff)
            out[prop.name] = strings(bytes(prop), f"node {path}, property '{prop.name}'")[0]
            poff = self.fdt.next_property_offset(poff, [libfdt.NOTFOUND])
        return out

    def node_at(self, path, where):
        if path not in self.by_path:
            raise DTError(f"{where}: no node at {path}")
        return self.by_path[path]

    def phandle(self, value, where):
        if value not in self.by_phandle:
            raise DTError(f"{where}: phandle {value:#x} names no node")
        return self.by_phandle[value]


def interrupt_parent(node):
    n = node
    while n is not None:
        if "interrupt-parent" in n.raw:
            return node.tree.phandle(cells(n.raw["interrupt-parent"], n.where("interrupt-parent"))[0],
                                     node.where("interrupt-parent"))
        n = n.parent
    raise DTError(f"{node.where('interrupts')}: no interrupt-parent")


def controller_cells(ctrl, where):
    if "#interrupt-cells" not in ctrl.raw:
        raise DTError(f"{where}: {ctrl.path} is not an interrupt controller (no #interrupt-cells)")
    count = ctrl.cell_count("#interrupt-cells", 1)
    names = list(ctrl.binding.interrupt_cells) if ctrl.binding else []
    if len(names) != count:
        raise DTError(f"{where}: the binding of {ctrl.path} must name its {count} interrupt cells "
                      "(interrupt-cells:)")
    return names


def node_irqs(node):
    """[(controller, {cell name: value})] from interrupts or interrupts-extended."""
    out = []
    if "interrupts-extended" in node.raw:
        where = node.where("interrupts-extended")
        vals = cells(node.raw["interrupts-extended"], where)
        while vals:
            ctrl = node.tree.phandle(vals[0], where)
            names = controller_cells(ctrl, where)
            if len(vals) < 1 + len(names):
                raise DTError(f"{where}: too few cells for {ctrl.path}")
            out.append((ctrl, dict(zip(names, vals[1:1 + len(names)]))))
            vals = vals[1 + len(names):]
    elif "interrupts" in node.raw:
        where = node.where("interrupts")
        ctrl = interrupt_parent(node)
        names = controller_cells(ctrl, where)
        vals = cells(node.raw["interrupts"], where)
        if len(vals) % len(names) != 0:
            raise DTError(f"{where}: {len(vals)} cells, {ctrl.path} takes {len(names)} per interrupt")
        for i in range(0, len(vals), len(names)):
            out.append((ctrl, dict(zip(names, vals[i:i + len(names)]))))
    return out


def node_regs(node):
    if "reg" not in node.raw:
        return []
    where = node.where("reg")
    if node.parent is None:
        raise DTError(f"{where}: the root has no address space")
    ac = node.parent.cell_count("#address-cells", 2)
    sc = node.parent.cell_count("#size-cells", 1)
    vals = cells(node.raw["reg"], where)
    step = ac + sc
    if step == 0 or len(vals) % step != 0:
        raise DTError(f"{where}: {len(vals)} cells is not a multiple of "
                      f"#address-cells + #size-cells ({ac} + {sc}) of {node.parent.path}")
    regs = []
    for i in range(0, len(vals), step):
        addr = 0
        for c in vals[i:i + ac]:
            addr = (addr << 32) | c
        size = 0
        for c in vals[i + ac:i + step]:
            size = (size << 32) | c
        regs.append((addr, size))
    # Only empty 'ranges' (identity) between a node and the root; a parent
    # without 'ranges' (/cpus) is an address space of its own, kept as it is.
    p = node.parent
    while p is not None and p.parent is not None:
        if p.raw.get("ranges"):
            raise DTError(f"{where}: {p.path} must have an empty 'ranges' (only identity "
                          "address translation is supported)")
        p = p.parent
    return regs


def check_value(tree, node, name, ptype, raw, spec):
    where = node.where(name)
    if ptype == "int":
        v = cells(raw, where)
        if len(v) != 1:
            raise DTError(f"{where}: expected one cell (type int), got {len(v)}")
        value = v[0]
    elif ptype in ("array", "phandles", "compound"):
        value = cells(raw, where)
    elif ptype == "uint8-array":
        value = list(raw)
    elif ptype == "string":
        v = strings(raw, where)
        if len(v) != 1:
            raise DTError(f"{where}: expected one string, got {len(v)}")
        value = v[0]
    elif ptype == "string-array":
        value = strings(raw, where)
    elif ptype == "boolean":
        if raw:
            raise DTError(f"{where}: a boolean property takes no value")
        value = True
    elif ptype == "phandle":
        v = cells(raw, where)
        if len(v) != 1:
            raise DTError(f"{where}: expected one phandle")
        value = tree.phandle(v[0], where)
    if ptype == "phandles":
        value = [tree.phandle(v, where) for v in value]
    if "enum" in spec and value not in spec["enum"]:
        raise DTError(f"{where}: {value!r} is not one of {spec['enum']}")
    return value


def node_props(tree, node):
    """{name: (type, value)}: the standard properties and the binding's, checked."""
    props = {}
    spec_of = dict((n, {"type": t}) for n, t in STANDARD_TYPES.items())
    if node.binding:
        spec_of.update(node.binding.props)
    for name, spec in spec_of.items():
        ptype = spec["type"]
        if name in node.raw:
            props[name] = (ptype, check_value(tree, node, name, ptype, node.raw[name], spec))
        elif spec.get("required") and node.status == "okay":
            raise DTError(f"{node.where(name)}: required by {os.path.basename(node.binding.path)}"
                          " but missing")
        elif "default" in spec:
            props[name] = (ptype, spec["default"])
    return props


def c_value(ptype, value):
    if ptype == "string":
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if ptype == "boolean":
        return "1"
    if ptype == "phandle":
        return value.id
    return str(value)


class Writer:
    def __init__(self):
        self.lines = []

    def define(self, name, value=""):
        self.lines.append(f"#define {name} {value}".rstrip())

    def comment(self, text):
        self.lines.append("")
        self.lines.append(f"/* {text} */")


def hexval(v):
    # Hex literals take an unsigned type when they need one; no suffix, so
    # that the linker script can use them too.
    return f"{v:#x}"


def generate(tree):
    w = Writer()
    # Ordinals: tree order, parents before children.
    for ordinal, n in enumerate(tree.nodes):
        props = node_props(tree, n)
        w.comment(f"{n.path} ({', '.join(n.compats) or 'no compatible'})")
        w.define(f"{n.id}_EXISTS", "1")
        w.define(f"{n.id}_ORD", str(ordinal))
        w.define(f"{n.id}_PATH", c_value("string", n.path))
        w.define(f"{n.id}_FULL_NAME", c_value("string", n.name))
        if n.parent is not None:
            w.define(f"{n.id}_PARENT", n.parent.id)
        w.define(f"{n.id}_FOREACH_CHILD(fn)", " ".join(f"fn({c.id})" for c in n.children))
        w.define(f"{n.id}_FOREACH_CHILD_SEP(fn, sep)",
                 " DT_DEBRACKET_INTERNAL sep ".join(f"fn({c.id})" for c in n.children))
        w.define(f"{n.id}_FOREACH_CHILD_STATUS_OKAY(fn)",
                 " ".join(f"fn({c.id})" for c in n.children if c.status == "okay"))
        w.define(f"{n.id}_CHILD_NUM", str(len(n.children)))
        w.define(f"{n.id}_STATUS_{token(n.status)}", "1")
        for i, c in enumerate(n.compats):
            w.define(f"{n.id}_COMPAT_MATCHES_{token(c)}", "1")
        regs = node_regs(n)
        w.define(f"{n.id}_REG_NUM", str(len(regs)))
        names = props["reg-names"][1] if "reg-names" in props else []
        if names and len(names) != len(regs):
            raise DTError(f"{n.where('reg-names')}: {len(names)} names for {len(regs)} registers")
        for i, (addr, size) in enumerate(regs):
            w.define(f"{n.id}_REG_IDX_{i}_EXISTS", "1")
            w.define(f"{n.id}_REG_IDX_{i}_VAL_ADDRESS", hexval(addr))
            w.define(f"{n.id}_REG_IDX_{i}_VAL_SIZE", hexval(size))
            if names:
                w.define(f"{n.id}_REG_NAME_{token(names[i])}_EXISTS", "1")
                w.define(f"{n.id}_REG_NAME_{token(names[i])}_VAL_ADDRESS", hexval(addr))
                w.define(f"{n.id}_REG_NAME_{token(names[i])}_VAL_SIZE", hexval(size))
        irqs = node_irqs(n)
        w.define(f"{n.id}_IRQ_NUM", str(len(irqs)))
        for i, (ctrl, vals) in enumerate(irqs):
            w.define(f"{n.id}_IRQ_IDX_{i}_EXISTS", "1")
            w.define(f"{n.id}_IRQ_IDX_{i}_CONTROLLER", ctrl.id)
            for cname, v in vals.items():
                w.define(f"{n.id}_IRQ_IDX_{i}_VAL_{token(cname)}", str(v))
                w.define(f"{n.id}_IRQ_IDX_{i}_VAL_{token(cname)}_EXISTS", "1")
            base = ctrl.binding.irq_base if ctrl.binding else None
            if base is not None and "irq" in vals:
                w.define(f"{n.id}_IRQ_IDX_{i}_IRQN", str(base + vals["irq"]))
        for name, (ptype, value) in props.items():
            if name in ("interrupts-extended", "phandle"):
                continue
            p = f"{n.id}_P_{token(name)}"
            w.define(f"{p}_EXISTS", "1")
            if ptype in ("array", "uint8-array", "string-array", "phandles", "compound"):
                if ptype == "phandles":
                    elems = [v.id for v in value]
                elif ptype == "string-array":
                    elems = [c_value("string", v) for v in value]
                else:
                    elems = [str(v) for v in value]
                if ptype != "phandles":
                    w.define(p, "{" + ", ".join(elems) + "}")
                w.define(f"{p}_LEN", str(len(elems)))
                for i, e in enumerate(elems):
                    w.define(f"{p}_IDX_{i}", e)
                    w.define(f"{p}_IDX_{i}_EXISTS", "1")
                w.define(f"{p}_FOREACH_PROP_ELEM(fn)",
                         " ".join(f"fn({n.id}, {token(name)}, {i})" for i in range(len(elems))))
            else:
                w.define(p, c_value(ptype, value))
                if ptype == "string":
                    w.define(f"{p}_STRING_TOKEN", token(value))
                    w.define(f"{p}_STRING_UPPER_TOKEN", token(value).upper())
                if ptype == "phandle":
                    w.define(f"{p}_IDX_0", value.id)
                    w.define(f"{p}_LEN", "1")
        # Boolean properties the binding declares exist as 0 when absent.
        if n.binding:
            for name, spec in n.binding.props.items():
                if spec["type"] == "boolean" and name not in props:
                    w.define(f"{n.id}_P_{token(name)}", "0")

    w.comment("Every enabled node")
    w.define("DT_FOREACH_OKAY_NODE_INTERNAL(fn)",
             " ".join(f"fn({n.id})" for n in tree.nodes if n.status == "okay"))

    w.comment("Node labels")
    for n in tree.nodes:
        for label in n.labels:
            w.define(f"DT_N_NODELABEL_{token(label)}", n.id)
    w.comment("Aliases")
    for alias, n in tree.aliases.items():
        w.define(f"DT_N_ALIAS_{token(alias)}", n.id)
    w.comment("Chosen nodes")
    for chosen, n in tree.chosen.items():
        w.define(f"DT_CHOSEN_{token(chosen)}", n.id)
        w.define(f"DT_CHOSEN_{token(chosen)}_EXISTS", "1")

    w.comment("Enabled instances of each compatible, in tree order")
    instances = {}
    for n in tree.nodes:
        for c in n.compats:
            instances.setdefault(token(c), [])
            if n.status == "okay":
                instances[token(c)].append(n)
    for c, nodes in sorted(instances.items()):
        if nodes:
            w.define(f"DT_COMPAT_HAS_OKAY_{c}", "1")
        w.define(f"DT_N_INST_{c}_NUM_OKAY", str(len(nodes)))
        w.define(f"DT_FOREACH_OKAY_{c}(fn)", " ".join(f"fn({n.id})" for n in nodes))
        w.define(f"DT_FOREACH_OKAY_INST_{c}(fn)", " ".join(f"fn({i})" for i in range(len(nodes))))
        for i, n in enumerate(nodes):
            w.define(f"DT_N_INST_{i}_{c}", n.id)
    return w.lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dtb", required=True)
    ap.add_argument("--bindings", action="append", default=[], help="binding folder (repeatable)")
    ap.add_argument("--header", required=True)
    args = ap.parse_args()
    try:
        tree = Tree(args.dtb, load_bindings(args.bindings))
        lines = generate(tree)
    except DTError as e:
        sys.exit(f"devicetree error: {e}")
    text = ["/* Generated by scripts/gen_devicetree.py from the board's devicetree: do not edit. */",
            "#ifndef DEVICETREE_GENERATED_H", "#define DEVICETREE_GENERATED_H"]
    text += lines + ["", "#endif", ""]
    os.makedirs(os.path.dirname(os.path.abspath(args.header)), exist_ok=True)
    new = "\n".join(text)
    if not os.path.exists(args.header) or open(args.header).read() != new:
        with open(args.header, "w") as f:
            f.write(new)


if __name__ == "__main__":
    main()
