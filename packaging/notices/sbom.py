"""Keeps in a CycloneDX SBOM exactly the crates one platform's build compiles in, and checks it.

usage: sbom.py SBOM.json TREE.txt NOTICES.txt > filtered.json

cargo-cyclonedx resolves features as `cargo metadata` does, together with the test-only
dependencies' (egui_kittest pulls in wgpu), so its list is longer than what the binary holds.
`cargo tree -e normal,no-proc-macro --target …` (TREE.txt) is what a release build compiles; the SBOM keeps those
components and their dependency edges. Fails (exit 1) when a compiled crate is missing from the
SBOM or from the notices, or a component lacks a version or a licence.
"""

import json
import re
import sys


def main() -> int:
    sbom_path, tree_path, notices_path = sys.argv[1:4]
    with open(sbom_path, encoding="utf-8") as f:
        sbom = json.load(f)
    with open(tree_path, encoding="utf-8") as f:
        compiled = {
            (parts[0], parts[1].lstrip("v"))
            for parts in (line.split() for line in f)
            if len(parts) >= 2
        }
    with open(notices_path, encoding="utf-8") as f:
        noticed = {
            (m.group(1), m.group(2))
            for m in re.finditer(r"^  ([A-Za-z0-9_.-]+) (\d\S*)$", f.read(), re.MULTILINE)
        }
    root = sbom["metadata"]["component"]
    compiled.discard((root["name"], root["version"]))

    kept = [c for c in sbom["components"] if (c["name"], c["version"]) in compiled]
    refs = {c["bom-ref"] for c in kept} | {root["bom-ref"]}
    sbom["components"] = kept
    sbom["dependencies"] = [
        {**d, "dependsOn": [r for r in d.get("dependsOn", []) if r in refs]}
        for d in sbom.get("dependencies", [])
        if d["ref"] in refs
    ]

    problems = []
    listed = {(c["name"], c["version"]) for c in kept}
    problems += [f"not in the SBOM: {n} {v}" for n, v in sorted(compiled - listed)]
    problems += [f"not in the notices: {n} {v}" for n, v in sorted(compiled - noticed)]
    for c in kept:
        if not c.get("version") or not c.get("licenses"):
            problems.append(f"no version or licence: {c['name']}")
    for p in problems:
        print(p, file=sys.stderr)
    json.dump(sbom, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
