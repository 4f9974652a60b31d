#!/usr/bin/env python3
"""Write the input of another interface compiler equivalent to
gen-synthetic.py's N structs, for bench/peers.sh.

    gen-peers.py FORMAT N > FILE      FORMAT: rpcgen, wayland, proto, fbs

Each struct has the fields of gen-synthetic.py's (a 64-bit id, an enum, a
bitmap-like 32-bit flags field, a counter, a sequence number, a 64-bit
guest address, four 16-bit values, a 16-byte name, a signed 64-bit value,
two bytes and reserved padding), in the nearest types each language has,
with a one-line comment each where the language keeps comments; one enum
per 10 structs. Wayland has no structs: each struct is an interface with
one request whose arguments are the fields."""
import sys

FIELDS = [
    # name, rpcgen, wayland, proto, fbs
    ("id", "unsigned hyper", "uint", "uint64", "uint64"),
    ("kind", "ENUM", "uint", "ENUM", "ENUM"),
    ("flags", "unsigned int", "uint", "uint32", "uint32"),
    ("count", "unsigned int", "uint", "uint32", "uint32"),
    ("seq", "unsigned int", "uint", "uint32", "uint32"),
    ("buf", "unsigned hyper", "uint", "uint64", "uint64"),
    ("small", "unsigned short small[4]", "array", "repeated uint32", "[uint16:4]"),
    ("name", "opaque name[16]", "string", "string", "[uint8:16]"),
    ("value", "hyper", "int", "int64", "int64"),
    ("b", "unsigned char", "uint", "uint32", "uint8"),
    ("c", "unsigned char", "uint", "uint32", "uint8"),
    ("pad0", "unsigned short", "uint", "uint32", "uint16"),
    ("pad1", "unsigned int", "uint", "uint32", "uint32"),
]


def rpcgen(n, out):
    for g in range(0, n, 10):
        out.write("/* Kinds, group %d. */\nenum kind%d {\n" % (g, g))
        out.write(",\n".join("    K%d_%d = %d" % (g, v, v) for v in range(4)))
        out.write("\n};\n\n")
    for i in range(n):
        g = i - i % 10
        out.write("/* Structure number %d. */\nstruct s%d {\n" % (i, i))
        for name, t, _, _, _ in FIELDS:
            if t == "ENUM":
                t = "kind%d" % g
            if "[" in t:
                out.write("    %s;\n" % t)
            elif t == "unsigned char":
                out.write("    unsigned int %s;\n" % name)
            elif t == "unsigned short":
                out.write("    unsigned int %s;\n" % name)
            else:
                out.write("    %s %s;\n" % (t, name))
        out.write("};\n\n")


def wayland(n, out):
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<protocol name="synthetic">\n')
    for i in range(n):
        out.write('  <interface name="s%d" version="1">\n' % i)
        out.write('    <description summary="structure number %d"/>\n' % i)
        if i % 10 == 0:
            out.write('    <enum name="kind">\n')
            for v in range(4):
                out.write('      <entry name="k%d" value="%d" summary="kind %d"/>\n' % (v, v, v))
            out.write('    </enum>\n')
        out.write('    <request name="set">\n')
        for name, _, t, _, _ in FIELDS:
            out.write('      <arg name="%s" type="%s" summary="the %s field"/>\n' % (name, t, name))
        out.write('    </request>\n  </interface>\n')
    out.write('</protocol>\n')


def proto(n, out):
    out.write('syntax = "proto3";\npackage synthetic;\n\n')
    for g in range(0, n, 10):
        out.write("// Kinds, group %d.\nenum Kind%d {\n" % (g, g))
        for v in range(4):
            out.write("  KIND%d_K%d = %d;\n" % (g, v, v))
        out.write("}\n\n")
    for i in range(n):
        g = i - i % 10
        out.write("// Structure number %d.\nmessage S%d {\n" % (i, i))
        for k, (name, _, _, t, _) in enumerate(FIELDS, 1):
            if t == "ENUM":
                t = "Kind%d" % g
            out.write("  %s %s = %d;\n" % (t, name, k))
        out.write("}\n\n")


def fbs(n, out):
    out.write("namespace synthetic;\n\n")
    for g in range(0, n, 10):
        out.write("/// Kinds, group %d.\nenum Kind%d : uint32 { K0, K1, K2, K3 }\n\n" % (g, g))
    for i in range(n):
        g = i - i % 10
        out.write("/// Structure number %d.\nstruct S%d {\n" % (i, i))
        for name, _, _, _, t in FIELDS:
            if t == "ENUM":
                t = "Kind%d" % g
            out.write("  %s: %s;\n" % (name, t))
        out.write("}\n\n")


def main():
    fmt, n = sys.argv[1], int(sys.argv[2])
    {"rpcgen": rpcgen, "wayland": wayland, "proto": proto, "fbs": fbs}[fmt](n, sys.stdout)


if __name__ == "__main__":
    main()
