"""Print pip constraints pinning every runtime dependency of pyproject.toml to its stated lower
bound (`numpy>=1.26` -> `numpy==1.26`, environment markers kept), for CI's lowest-versions run:
a lower bound that no longer works fails there instead of on a user's older environment. Where
the test extra asks more of a runtime dependency (a test using a newer API), its bound is used."""

import re
import sys
import tomllib
from pathlib import Path

BOUND = re.compile(r"\s*([A-Za-z0-9_.-]+)\s*>=\s*([^,\s;]+)")


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text))


project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
for_tests = {_key(m.group(1)): m.group(2) for m in map(BOUND.match, project["optional-dependencies"]["test"]) if m}
for dependency in project["dependencies"]:
    requirement, _, marker = dependency.partition(";")
    found = BOUND.match(requirement)
    if found is None:
        sys.exit(f"no lower bound in {dependency!r}: every runtime dependency needs one")
    name, version = found.group(1), found.group(2)
    if _key(name) in for_tests and _version(for_tests[_key(name)]) > _version(version):
        version = for_tests[_key(name)]
    print(f"{name}=={version}" + (f"; {marker.strip()}" if marker else ""))
