#!/usr/bin/env python3
"""Turns the fenced Swift samples of Markdown documents into a scratch package that depends on this one.

Usage: doc-samples.py REPO_ROOT SCRATCH_DIR PRODUCTS DOCUMENT...

PRODUCTS is a comma-separated list of this package's library products. Each ```swift sample becomes its own
target of SCRATCH_DIR/Package.swift, which depends on the package at REPO_ROOT by path (its package identity is
the folder's name) and on the products the sample imports:

- an executable target whose main.swift is the sample (top-level code runs in order), or
- a test target when the sample imports Testing (its tests run with `swift test`).

Every target is compiled in the Swift 6 language mode with the upcoming features ExistentialAny and
MemberImportVisibility on and warnings treated as errors, so a sample that builds here builds in any host's
package. `#sourceLocation` directives make compiler errors point at the document's own lines.

An HTML comment on the line before a fence (invisible on GitHub) changes how the sample is treated:

- `<!-- sample: continues -->`: the sample continues the previous sample of the same document (one program
  told in steps); the two are compiled (and run) as one target.
- `<!-- sample: build-only: REASON -->`: compiled but not run.
- `<!-- sample: manifest -->`: a complete Package.swift; checked with `swift package dump-package` (which
  compiles the manifest and checks that each product's package names a declared dependency).
- `<!-- sample: fragment: REASON -->`: not compiled at all. Keep these rare and say why.

Writes SCRATCH_DIR/samples.json describing every sample: its target, kind (run, test, build-only, manifest,
fragment), the document and line it starts on, and the reason given for build-only samples and fragments.
"""
import json
import os
import re
import shutil
import sys

FENCE_OPEN = re.compile(r"^(\s*)```swift\s*$")
FENCE_CLOSE = re.compile(r"^\s*```\s*$")
MARKER = re.compile(r"^\s*<!--\s*sample:\s*([a-z-]+)\s*(?::\s*(.*?))?\s*-->\s*$")
IMPORT = re.compile(r"^\s*(?:@\w+\s+)*(?:public\s+|internal\s+|package\s+)?import\s+(\w+)", re.MULTILINE)
KINDS = {"continues", "build-only", "manifest", "fragment"}


class Sample:
    def __init__(self, document, line, code, marker, reason):
        self.document = document  # path relative to the repository root
        self.line = line  # 1-based line of the first line of code
        self.code = code
        self.marker = marker
        self.reason = reason


def samples_in(root, document):
    """The Swift samples of one document, in order."""
    with open(os.path.join(root, document), encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    found = []
    index = 0
    while index < len(lines):
        opening = FENCE_OPEN.match(lines[index])
        if not opening:
            index += 1
            continue
        indent = len(opening.group(1))
        marker, reason = None, None
        previous = index - 1
        while previous >= 0 and not lines[previous].strip():
            previous -= 1
        if previous >= 0:
            match = MARKER.match(lines[previous])
            if match:
                marker, reason = match.group(1), match.group(2)
                if marker not in KINDS:
                    sys.exit(f"{document}:{previous + 1}: unknown sample marker '{marker}'")
                if marker in ("build-only", "fragment") and not reason:
                    sys.exit(f"{document}:{previous + 1}: say why the sample is {marker}")
        start = index + 1
        end = start
        while end < len(lines) and not FENCE_CLOSE.match(lines[end]):
            end += 1
        if end == len(lines):
            sys.exit(f"{document}:{index + 1}: the ```swift fence is never closed")
        code = "\n".join(line[indent:] if line[:indent].strip() == "" else line for line in lines[start:end])
        found.append(Sample(document, start + 1, code, marker, reason))
        index = end + 1
    return found


def target_name(document, number):
    stem = os.path.splitext(os.path.basename(document))[0]
    return re.sub(r"[^A-Za-z0-9]", "", stem) + f"Sample{number}"


def group(root, documents):
    """Chains of samples, one per target: a `continues` sample joins the chain before it."""
    chains = []
    for document in documents:
        number = 0
        previous = None
        for sample in samples_in(root, document):
            if sample.marker == "continues":
                if previous is None or previous["kind"] in ("manifest", "fragment"):
                    sys.exit(f"{document}:{sample.line - 1}: 'continues' needs a compiled sample before it")
                previous["parts"].append(sample)
                continue
            number += 1
            kind = {"build-only": "build-only", "manifest": "manifest", "fragment": "fragment"}.get(sample.marker, "run")
            previous = {"target": target_name(document, number), "kind": kind, "parts": [sample]}
            chains.append(previous)
    for chain in chains:
        if chain["kind"] in ("run", "build-only") and any(
            "Testing" in IMPORT.findall(part.code) for part in chain["parts"]
        ):
            chain["kind"] = "test"
    return chains


def source_text(root, chain):
    """The target's source: the parts in order, each announced with its document line."""
    pieces = []
    for part in chain["parts"]:
        path = os.path.abspath(os.path.join(root, part.document))
        pieces.append(f'#sourceLocation(file: "{path}", line: {part.line})\n{part.code}\n#sourceLocation()\n')
    return "\n".join(pieces)


def manifest(root, chains, products):
    identity = os.path.basename(os.path.abspath(root))
    relative = os.path.relpath(os.path.abspath(root), os.path.abspath(SCRATCH))
    settings = (
        '[.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility"), '
        '.unsafeFlags(["-warnings-as-errors"])]'
    )
    targets = []
    for chain in chains:
        if chain["kind"] in ("manifest", "fragment"):
            continue
        imported = []
        for part in chain["parts"]:
            for module in IMPORT.findall(part.code):
                if module in products and module not in imported:
                    imported.append(module)
        dependencies = ", ".join(f'.product(name: "{name}", package: "{identity}")' for name in imported)
        kind = "testTarget" if chain["kind"] == "test" else "executableTarget"
        folder = "Tests" if chain["kind"] == "test" else "Sources"
        targets.append(
            f'    .{kind}(name: "{chain["target"]}", dependencies: [{dependencies}], '
            f'path: "{folder}/{chain["target"]}", swiftSettings: {settings}),'
        )
    return (
        "// swift-tools-version: 6.0\n"
        "// Generated by Scripts/doc-samples.py from the documents' Swift samples; do not edit.\n"
        "import PackageDescription\n\n"
        "let package = Package(\n"
        '  name: "DocSamples",\n'
        "  platforms: [.macOS(.v14)],\n"
        f'  dependencies: [.package(path: "{relative}")],\n'
        "  targets: [\n" + "\n".join(targets) + "\n  ],\n"
        "  swiftLanguageModes: [.v6]\n"
        ")\n"
    )


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    # Unchanged files keep their timestamps, so an unchanged sample is not rebuilt.
    if os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            if handle.read() == text:
                return
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def main():
    global SCRATCH
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    root, SCRATCH, products = sys.argv[1], sys.argv[2], set(sys.argv[3].split(","))
    chains = group(root, sys.argv[4:])
    for folder in ("Sources", "Tests", "manifests"):
        keep = {chain["target"] for chain in chains}
        base = os.path.join(SCRATCH, folder)
        if os.path.isdir(base):
            for name in os.listdir(base):
                if name not in keep:
                    shutil.rmtree(os.path.join(base, name))
    described = []
    for chain in chains:
        first = chain["parts"][0]
        if chain["kind"] == "manifest":
            write(os.path.join(SCRATCH, "manifests", chain["target"], "Package.swift"), first.code + "\n")
        elif chain["kind"] == "test":
            write(os.path.join(SCRATCH, "Tests", chain["target"], "Samples.swift"), source_text(root, chain))
        elif chain["kind"] != "fragment":
            write(os.path.join(SCRATCH, "Sources", chain["target"], "main.swift"), source_text(root, chain))
        described.append({
            "target": chain["target"],
            "kind": chain["kind"],
            "location": f"{first.document}:{first.line}",
            "parts": len(chain["parts"]),
            "reason": first.reason,
        })
    write(os.path.join(SCRATCH, "Package.swift"), manifest(root, chains, products))
    write(os.path.join(SCRATCH, "samples.json"), json.dumps(described, indent=2) + "\n")


SCRATCH = ""
if __name__ == "__main__":
    main()
