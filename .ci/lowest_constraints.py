"""Print pip constraints pinning every runtime dependency of pyproject.toml to its stated lower
bound (`numpy>=1.26` -> `numpy==1.26`, environment markers kept), for CI's lowest-versions run:
a lower bound that no longer works fails there instead of on a user's older environment."""

import re
import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
for dependency in project["dependencies"]:
    requirement, _, marker = dependency.partition(";")
    found = re.match(r"\s*([A-Za-z0-9_.-]+)\s*>=\s*([^,\s]+)", requirement)
    if found is None:
        sys.exit(f"no lower bound in {dependency!r}: every runtime dependency needs one")
    print(f"{found.group(1)}=={found.group(2)}" + (f"; {marker.strip()}" if marker else ""))
