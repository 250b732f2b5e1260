#!/usr/bin/env python3
"""AsperaNative: size of the Native AOT executable by assembly, from the ILCompiler's map file.

The map (ascli.map.xml, written with -p:IlcGenerateMapFile=true, which ./build.sh passes) lists every
node the compiler emitted (method code, GC info, type data, statics, frozen objects...) with its length and
a mangled name that starts with its assembly (dots as underscores, System.Private.* as S_P_*). Nodes are
attributed to the longest matching assembly prefix of the compilation (its .ilc.rsp); the rest is the
compiler's tables (metadata, maps, frozen objects). What is not in the map is the native runtime, the
framework's native libraries and the ELF overhead: the executable's size minus the map total.
Usage: size-by-assembly.py [NATIVE-DIR] [EXECUTABLE]   (defaults: the ascli linux-x64 Release build, dist/ascli)
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

root = os.path.join(os.path.dirname(__file__), "..")
native = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "src/AsperaNative.Cli/obj/Release/net10.0/linux-x64/native")
exe = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "dist/ascli")
name = os.path.basename(exe)
map_file = os.path.join(native, f"{name}.map.xml")
rsp_file = os.path.join(native, f"{name}.ilc.rsp")
if not os.path.exists(map_file):
    sys.exit(f"ERROR: {map_file} is missing: publish with -p:IlcGenerateMapFile=true (./build.sh does)")


def mangle(assembly):
    if assembly.startswith("System.Private."):
        assembly = "S_P_" + assembly[len("System.Private."):]
    return re.sub(r"[^A-Za-z0-9]", "_", assembly) + "_"


assemblies = []
for line in open(rsp_file):
    line = line.strip()
    path = line[3:] if line.startswith("-r:") else line if line.endswith(".dll") and not line.startswith("-") else None
    if path:
        assemblies.append(os.path.splitext(os.path.basename(path))[0])
prefixes = sorted(((mangle(a), a) for a in assemblies), key=lambda p: -len(p[0]))

# decorations the compiler puts before the mangled name of a type or method
decoration = re.compile(r"^(?:_ZTV\d+(?:Boxed_|__Array<)?|<Boxed>|__writableData|__readonlydata_|__DelegateCtor_|__GCSTATICS|__NONGCSTATICS|"
                        r"__ehinfo_|__GenericInstance_|__GetGCStaticBase_|__GetNonGCStaticBase_|__GetThreadStaticBase_|__GCStaticBase_|__NonGCStaticBase_|__GCStaticEEType_|__ThreadStaticBase_|"
                        r"__GenericDict_|__fatpointer_|__unbox_|__Str_|__RuntimeMethodHandle_|__RuntimeFieldHandle_|"
                        r"__SealedVTable_|__InterfaceDispatchMap_|__NativeLayoutInfo_|__CCTOR_|__TypeThreadStaticIndex_|"
                        r"__GCStaticsPreInit_|__FieldRvaData_|__MethodAssociatedData_|__GenericComposition_|_+)")

sizes, tables, total = {}, 0, 0
for _, node in ET.iterparse(map_file):
    length = node.get("Length")
    if length is None:
        continue
    length = int(length)
    total += length
    symbol = decoration.sub("", node.get("Name", ""), count=1)
    owner = next((a for p, a in prefixes if symbol.startswith(p)), None)
    if owner is None:
        tables += length
    else:
        sizes[owner] = sizes.get(owner, 0) + length
    node.clear()

file_size = os.path.getsize(exe)
print(f"{name}: {file_size / 1e6:.2f} MB; managed nodes in the map {total / 1e6:.2f} MB")
print(f"{'assembly':<58}{'KB':>9}{'%':>7}")
rows = sorted(sizes.items(), key=lambda kv: -kv[1])
rows.append(("(compiler tables: metadata, maps, frozen objects, unattributed)", tables))
rows.append(("(native runtime, framework native libraries, ELF)", max(file_size - total, 0)))
for assembly, size in rows:
    print(f"{assembly[:57]:<58}{size / 1024:>9.0f}{100 * size / file_size:>7.1f}")
