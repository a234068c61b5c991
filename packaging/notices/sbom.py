"""Keeps in a CycloneDX SBOM exactly the crates one platform's build compiles in, and checks it.

usage: sbom.py SBOM.json TREE.txt NOTICES.txt > filtered.json

cargo-cyclonedx resolves features as `cargo metadata` does, together with the test-only
dependencies' (egui_kittest pulls in wgpu), so its list is longer than what the binary holds.
`cargo tree -e normal,no-proc-macro --target …` (TREE.txt) is what a release build compiles; the SBOM keeps those
components and their dependency edges. Fails (exit 1) when a compiled crate is missing from the
SBOM or from the notices, or a component lacks a version or a licence.
"""

import hashlib
import json
import os
import re
import sys
import uuid
from datetime import datetime, timezone


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
    make_reproducible(sbom)
    json.dump(sbom, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return 1 if problems else 0


def make_reproducible(sbom: dict) -> None:
    """The same commit built in another folder, or at another time, gives the same SBOM: the
    clone's folder leaves the references, the time is the commit's (SOURCE_DATE_EPOCH), and the
    serial number is derived from the content instead of drawn at random."""
    match = re.match(r"path\+file://([^#]+)#", sbom["metadata"]["component"].get("bom-ref", ""))
    if match:
        folder = "file://" + match.group(1)

        def unfolder(value):
            if isinstance(value, str):
                return value.replace(folder, "file:///kizuki")
            if isinstance(value, list):
                return [unfolder(v) for v in value]
            if isinstance(value, dict):
                return {k: unfolder(v) for k, v in value.items()}
            return value

        sbom.update(unfolder(sbom))
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None:
        when = datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        sbom["metadata"]["timestamp"] = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    sbom.pop("serialNumber", None)
    digest = hashlib.sha256(json.dumps(sbom, sort_keys=True).encode("utf-8")).hexdigest()
    sbom["serialNumber"] = "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, "kizuki-sbom:" + digest))


if __name__ == "__main__":
    sys.exit(main())
