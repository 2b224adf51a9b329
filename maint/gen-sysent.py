#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
# Copyright (c) 2026 the compendium developers
"""Generate core/engine/sysent_x86_64.h, the x86 syscall tables.

Numbers come from the kernel's lists, signatures from maint/syscalls.spec
(its header documents the format). Every syscall in a list must have a
signature and every signature a number, so a new kernel fails loudly here
instead of tracing unnamed syscalls.

  python3 maint/gen-sysent.py > core/engine/sysent_x86_64.h
  python3 maint/gen-sysent.py -o core/engine/sysent_x86_64.h \\
      --x86-64 linux/arch/x86/entry/syscalls/syscall_64.tbl \\
      --i386 linux/arch/x86/entry/syscalls/syscall_32.tbl

Each list is either a uapi header (asm/unistd_64.h, asm/unistd_32.h) or the
kernel source's syscall_64.tbl / syscall_32.tbl; which one is told by its
content. The output depends only on the inputs, so rerunning the command
named in the generated header reproduces it byte for byte.

Python 3 standard library only.
"""

import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SELF = 'maint/gen-sysent.py'
OUTPUT = 'core/engine/sysent_x86_64.h'
DEFAULT_X86_64 = '/usr/include/x86_64-linux-gnu/asm/unistd_64.h'
DEFAULT_I386 = '/usr/include/x86_64-linux-gnu/asm/unistd_32.h'
SPEC = 'maint/syscalls.spec'
# Read only to check the spec's names against the C ones.
SYSCALL_H = 'sdk/include/compendium/syscall.h'
FIELD_H = 'sdk/include/compendium/field.h'
SYSENT_H = 'core/engine/sysent.h'

MAX_ARGS = 6
# Kinds that describe memory or a string: never a return value.
NOT_RET = {'PATH', 'STR', 'BUF_IN', 'BUF_OUT', 'SOCKADDR', 'SOCKADDR_OUT',
           'FDPAIR', 'STRV', 'PTR', 'DIRFD', 'IOVEC', 'MSGHDR', 'MMSGHDR',
           'OPEN_HOW', 'MMAP_ARGS', 'SOCKOPT'}
# Kinds whose decoder takes their size or count from the next argument.
SIZED_BY = {'BUF_IN': 'SIZE', 'SOCKADDR': 'SIZE', 'OPEN_HOW': 'SIZE',
            'SOCKADDR_OUT': 'PTR', 'SOCKOPT': 'PTR', 'IOVEC': 'UINT',
            'MMSGHDR': 'UINT'}
WIDTH = 80


class Error(Exception):
    pass


def rel(path):
    """A path as the header shows it: relative to the tree when inside."""
    full = os.path.abspath(path)
    if full.startswith(ROOT + os.sep):
        return os.path.relpath(full, ROOT)
    return os.path.normpath(path)


def in_root(path):
    return path if os.path.isabs(path) else os.path.join(ROOT, path)


def read(path):
    try:
        with open(path, encoding='utf-8') as f:
            return f.read()
    except OSError as e:
        raise Error(f'{path}: {e.strerror}') from e


# ---- the C names the spec may use ------------------------------------------

def c_names(path, pattern):
    found = {}
    for m in re.finditer(pattern, read(path), re.M):
        found[m.group(1)] = int(m.group(2))
    if not found:
        raise Error(f'{path}: no names matching {pattern!r}')
    return found


def load_sdk():
    arg_kinds = c_names(in_root(SYSCALL_H), r'^\s*CPD_ARG_(\w+)\s*=\s*(\d+)')
    classes = c_names(in_root(SYSCALL_H), r'^#define\s+CPD_SC_(\w+)\s+'
                      r'\(UINT64_C\(1\)\s*<<\s*(\d+)\)')
    xlats = c_names(in_root(FIELD_H), r'^\s*CPD_XLAT_(\w+)\s*=\s*(\d+)')
    flags = c_names(in_root(SYSENT_H),
                    r'^#define\s+SE_(\w+)\s+\(1u\s*<<\s*(\d+)\)')
    return arg_kinds, classes, xlats, flags


# ---- the kernel's syscall lists ---------------------------------------------

def read_list(path, abis):
    """name -> number, from a uapi unistd header or a syscall_*.tbl."""
    text = read(path)
    table = {}

    def add(name, nr, where):
        if name in table:
            raise Error(f'{where}: {name} listed twice')
        table[name] = nr

    if re.search(r'^#define\s+__NR_', text, re.M):
        for lineno, line in enumerate(text.splitlines(), 1):
            m = re.match(r'#define\s+__NR_(\w+)\s+(\d+)\s*$', line)
            if m:
                add(m.group(1), int(m.group(2)), f'{path}:{lineno}')
    else:
        for lineno, line in enumerate(text.splitlines(), 1):
            line = line.split('#', 1)[0].strip()
            if not line:
                continue
            f = line.split()
            if len(f) < 3 or not f[0].isdigit():
                raise Error(f'{path}:{lineno}: not a syscall table line')
            if f[1] in abis:
                add(f[2], int(f[0]), f'{path}:{lineno}')
    if not table:
        raise Error(f'{path}: no syscalls found')
    numbers = {}
    for name, nr in table.items():
        if nr in numbers:
            raise Error(f'{path}: {numbers[nr]} and {name} share number {nr}')
        numbers[nr] = name
    return table


# ---- the spec ---------------------------------------------------------------

class Entry:
    def __init__(self, name, nr, where):
        self.name = name
        self.nr = nr            # from '@nr', or None
        self.where = where
        self.args = []          # [(kind, xlat)]
        self.ret = None         # (kind, xlat)
        self.classes = []
        self.flags = []
        self.alias = None       # i386 '= name': the x86_64 entry to copy


def parse_kind(tok, sdk, where, ret=False):
    arg_kinds, _, xlats, _ = sdk
    kind, _, xlat = tok.partition(':')
    if kind not in arg_kinds:
        raise Error(f'{where}: unknown kind {kind}')
    if kind in ('FLAGS', 'ENUM'):
        if not xlat:
            raise Error(f'{where}: {kind} needs a table: {kind}:NAME')
        if xlat not in xlats:
            raise Error(f'{where}: unknown table {xlat}')
    elif xlat:
        raise Error(f'{where}: only FLAGS and ENUM take a table: {tok}')
    if ret and kind in NOT_RET:
        raise Error(f'{where}: {kind} cannot be a return kind')
    if not ret and kind == 'ERRNO':
        raise Error(f'{where}: ERRNO is a return kind')
    return (kind, xlat or None)


def parse_line(line, sdk, where):
    _, classes, _, flags = sdk
    left, arrow, right = line.partition('->')
    head = left.split()
    m = re.fullmatch(r'([a-z_][a-z0-9_]*)(?:@(\d+))?', head[0])
    if not m:
        raise Error(f'{where}: bad syscall name {head[0]!r}')
    e = Entry(m.group(1), int(m.group(2)) if m.group(2) else None, where)
    if len(head) >= 2 and head[1] == '=':
        if arrow or len(head) != 3:
            raise Error(f'{where}: expected "name = other"')
        e.alias = head[2]
        return e
    if not arrow:
        raise Error(f'{where}: missing "-> RET CLASSES"')
    e.args = [parse_kind(t, sdk, where) for t in head[1:]]
    if len(e.args) > MAX_ARGS:
        raise Error(f'{where}: more than {MAX_ARGS} arguments')
    tail = right.split()
    if len(tail) < 2 or len(tail) > 3:
        raise Error(f'{where}: expected "-> RET CLASSES [FLAGS]"')
    e.ret = parse_kind(tail[0], sdk, where, ret=True)
    if tail[1] != '-':
        for c in tail[1].split(','):
            if c.upper() not in classes:
                raise Error(f'{where}: unknown class {c}')
            if c in e.classes:
                raise Error(f'{where}: class {c} given twice')
            e.classes.append(c)
    if len(tail) == 3:
        for f in tail[2].split(','):
            if f not in flags:
                raise Error(f'{where}: unknown flag {f}')
            e.flags.append(f)
    check_entry(e)
    return e


def check_entry(e):
    """The rules the decoder relies on, and the class definitions."""
    kinds = [k for k, _ in e.args]
    w = e.where
    for i, k in enumerate(kinds):
        nxt = kinds[i + 1] if i + 1 < len(kinds) else None
        if k in SIZED_BY and nxt != SIZED_BY[k]:
            what = {'SIZE': 'its SIZE', 'UINT': 'its count (UINT)',
                    'PTR': 'a PTR to its length'}[SIZED_BY[k]]
            raise Error(f'{w}: {k} must be followed by {what}')
        if k == 'BUF_OUT' and e.ret[0] != 'SIZE':
            raise Error(f'{w}: BUF_OUT takes its size from a SIZE return')
    if 'PATH' in kinds and 'file' not in e.classes:
        raise Error(f'{w}: takes a PATH but is not in class file')
    if ({'FD', 'DIRFD', 'FDPAIR'} & set(kinds) or e.ret[0] == 'FD') \
            and 'desc' not in e.classes:
        raise Error(f'{w}: takes or returns an fd but is not in class desc')
    if {'SOCKADDR', 'SOCKADDR_OUT'} & set(kinds) \
            and 'network' not in e.classes:
        raise Error(f'{w}: takes a sockaddr but is not in class network')
    if {'MSGHDR', 'MMSGHDR'} & set(kinds) and 'network' not in e.classes:
        raise Error(f'{w}: takes a message header but is not in class '
                    f'network')
    if 'NOEXIT' in e.flags and e.ret[0] != 'NONE':
        raise Error(f'{w}: a NOEXIT syscall returns NONE')
    if 'EXEC' in e.flags and not {'process', 'fdlife'} <= set(e.classes):
        raise Error(f'{w}: an EXEC syscall is in classes process and fdlife')


def read_spec(path, sdk):
    sections = {'x86_64': [], 'i386': []}
    cur = 'x86_64'
    for lineno, line in enumerate(read(path).splitlines(), 1):
        where = f'{rel(path)}:{lineno}'
        line = line.split('#', 1)[0].strip()
        if not line:
            continue
        m = re.fullmatch(r'\[(\w+)\]', line)
        if m:
            if m.group(1) not in sections:
                raise Error(f'{where}: unknown section [{m.group(1)}]')
            cur = m.group(1)
            continue
        e = parse_line(line, sdk, where)
        if e.alias and cur != 'i386':
            raise Error(f'{where}: "= other" is for the [i386] section')
        sections[cur].append(e)
    for sec, entries in sections.items():
        seen = {}
        for e in entries:
            if e.name in seen:
                raise Error(f'{e.where}: {e.name} already at {seen[e.name]}')
            seen[e.name] = e.where
    return sections


# ---- numbering --------------------------------------------------------------

def number(entries, table, arch, list_path):
    """Give each entry its number; every listed syscall needs an entry."""
    by_nr = {}
    for e in entries:
        listed = table.get(e.name)
        if listed is None and e.nr is None:
            raise Error(f'{e.where}: {e.name} is not in {list_path} '
                        f'(give its number as {e.name}@NR if the list is '
                        f'older than the syscall)')
        if listed is not None and e.nr is not None and listed != e.nr:
            raise Error(f'{e.where}: {e.name}@{e.nr} but {list_path} '
                        f'says {listed}')
        nr = listed if listed is not None else e.nr
        if nr in by_nr:
            raise Error(f'{e.where}: {e.name} and {by_nr[nr].name} '
                        f'both have number {nr} on {arch}')
        by_nr[nr] = e
    named = {e.name for e in entries}
    missing = sorted((nr, n) for n, nr in table.items() if n not in named)
    if missing:
        raise Error(f'{list_path}: no signature in the spec for ' +
                    ', '.join(f'{n} ({nr})' for nr, n in missing))
    return by_nr


def resolve_i386(spec, table32, list32):
    """i386 entries: its own, '= other' copies, or the x86_64 namesake."""
    x64 = {e.name: e for e in spec['x86_64']}
    own = {e.name: e for e in spec['i386']}
    entries = []
    for e in spec['i386']:
        if e.alias:
            src = x64.get(e.alias)
            if not src:
                raise Error(f'{e.where}: no x86_64 syscall {e.alias}')
            copy = Entry(e.name, e.nr, e.where)
            copy.args, copy.ret = src.args, src.ret
            copy.classes, copy.flags = src.classes, src.flags
            e = copy
        entries.append(e)
    for name in sorted(table32):
        if name in own:
            continue
        if name not in x64:
            raise Error(f'{list32}: i386 {name} has no signature: add it '
                        f'to the [i386] section of the spec')
        entries.append(x64[name])
    return entries


# ---- output -----------------------------------------------------------------

def wrap(first, atoms, cont):
    """Join atoms with spaces into lines no wider than WIDTH columns."""
    lines = []
    line = first
    fresh = True
    for a in atoms:
        cand = line + ('' if fresh else ' ') + a
        if len(cand.expandtabs(8)) > WIDTH and not fresh:
            lines.append(line)
            line = cont + a
        else:
            line = cand
        fresh = False
    lines.append(line)
    return lines


def c_arg(kind, xlat):
    if xlat:
        return f'SYSENT_X({kind}, {xlat})'
    return f'SYSENT_A({kind})'


def c_entry(nr, e, sdk):
    _, classes, _, flags = sdk
    cls = sorted(e.classes, key=lambda c: classes[c.upper()])
    cls_atoms = [f'CPD_SC_{c.upper()}' for c in cls] or ['0']
    flg = sorted(e.flags, key=lambda f: flags[f])
    flg_atoms = [f'SE_{f}' for f in flg] or ['0']

    atoms = [f'"{e.name}",']
    atoms += [a + ' |' for a in cls_atoms[:-1]] + [cls_atoms[-1] + ',']
    atoms += [a + ' |' for a in flg_atoms[:-1]] + [flg_atoms[-1] + ',']
    atoms.append(f'{len(e.args)},')
    args = [c_arg(*a) for a in e.args]
    if not args:
        atoms += [c_arg(*e.ret) + ',', 'SYSENT_NOARGS },']
        return wrap(f'\t[{nr}] = {{ ', atoms, '\t\t')
    atoms.append(c_arg(*e.ret) + ',')
    args[0] = '{ ' + args[0]
    args = [a + ',' for a in args[:-1]] + [args[-1] + ' } },']
    return (wrap(f'\t[{nr}] = {{ ', atoms, '\t\t') +
            wrap('\t\t', args, '\t\t  '))


def c_table(name, count_macro, by_nr, sdk):
    count = max(by_nr) + 1
    out = [f'#define {count_macro}\t{count}', '',
           f'static const struct sysent {name}[{count_macro}] = {{']
    for nr in sorted(by_nr):
        out += c_entry(nr, by_nr[nr], sdk)
    out.append('};')
    return out


def command(args):
    cmd = ['python3', SELF]
    if args.x86_64 != DEFAULT_X86_64:
        cmd += ['--x86-64', rel(args.x86_64)]
    if args.i386 != DEFAULT_I386:
        cmd += ['--i386', rel(args.i386)]
    if args.spec:
        cmd += ['--spec', rel(args.spec)]
    return ' '.join(cmd) + ' > ' + OUTPUT


def generate(args):
    sdk = load_sdk()
    spec_path = args.spec or in_root(SPEC)
    spec = read_spec(spec_path, sdk)
    t64 = read_list(args.x86_64, {'common', '64'})
    t32 = read_list(args.i386, {'i386'})
    l64, l32 = rel(args.x86_64), rel(args.i386)

    x64 = number(spec['x86_64'], t64, 'x86_64', l64)
    i386 = number(resolve_i386(spec, t32, l32), t32, 'i386', l32)
    newer64 = sum(1 for e in spec['x86_64'] if e.name not in t64)
    newer32 = sum(1 for e in i386.values() if e.name not in t32)

    out = [
        '/* SPDX-License-Identifier: GPL-2.0-or-later */',
        '/* Copyright (c) 2026 the compendium developers */',
        '/*',
        f' * Generated by {SELF}: do not edit. Change the spec',
        ' * and regenerate with',
        f' *   {command(args)}',
        ' *',
        ' * Inputs:',
        f' *   {l64} (x86_64 numbers)',
        f' *   {l32} (i386 numbers)',
        f' *   {rel(spec_path)} (signatures)',
        ' *',
        f' * x86_64: {len(x64)} syscalls, {newer64} of them newer than '
        'the list',
        f' * i386: {len(i386)} syscalls, {newer32} of them newer than '
        'the list',
        ' *',
        ' * Included by sysent.c only: the tables are static.',
        ' */',
        '#ifndef CPD_CORE_SYSENT_X86_64_H',
        '#define CPD_CORE_SYSENT_X86_64_H',
        '',
        '#include <compendium/field.h>',
        '#include <compendium/syscall.h>',
        '',
        '#include "engine/sysent.h"',
        '',
        '/* Initializers follow struct sysent: name, classes, flags, nargs, '
        'ret, args. */',
        '#define SYSENT_A(k)\t{ CPD_ARG_##k, CPD_XLAT_NONE }',
        '#define SYSENT_X(k, x)\t{ CPD_ARG_##k, CPD_XLAT_##x }',
        '#define SYSENT_NOARGS\t{ SYSENT_A(NONE) }',
        '',
    ]
    out += c_table('sysent_x86_64', 'SYSENT_X86_64_NR', x64, sdk)
    out.append('')
    out += c_table('sysent_i386', 'SYSENT_I386_NR', i386, sdk)
    out += [
        '',
        '#undef SYSENT_A',
        '#undef SYSENT_X',
        '#undef SYSENT_NOARGS',
        '',
        '#endif /* CPD_CORE_SYSENT_X86_64_H */',
    ]
    return '\n'.join(out) + '\n'


def main():
    p = argparse.ArgumentParser(
        description='Generate core/engine/sysent_x86_64.h from the kernel syscall '
                    'lists and maint/syscalls.spec.')
    p.add_argument('--x86-64', dest='x86_64', default=DEFAULT_X86_64,
                   help='asm/unistd_64.h or syscall_64.tbl '
                        f'(default {DEFAULT_X86_64})')
    p.add_argument('--i386', default=DEFAULT_I386,
                   help='asm/unistd_32.h or syscall_32.tbl '
                        f'(default {DEFAULT_I386})')
    p.add_argument('--spec', help=f'signature file (default {SPEC})')
    p.add_argument('-o', '--output', help='write here instead of stdout')
    args = p.parse_args()
    try:
        text = generate(args)
    except Error as e:
        print(f'gen-sysent: error: {e}', file=sys.stderr)
        return 1
    if args.output:
        tmp = args.output + '.tmp'
        with open(tmp, 'w', encoding='utf-8') as f:
            f.write(text)
        os.replace(tmp, args.output)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == '__main__':
    sys.exit(main())
